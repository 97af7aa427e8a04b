// The store's sentences for people (Chinese / English), and a file's SHA-256.
#include "store.hxx"

#include <fstream>
#include <iomanip>
#include <memory>
#include <sstream>

#include <openssl/evp.h>

namespace dealerkpi::group::store {
namespace {

std::string figure(double v, bool rate)
{
    std::ostringstream s;
    if (rate)
        s << std::fixed << std::setprecision(1) << v * 100 << "%";
    else
        s << std::setprecision(15) << v;
    return s.str();
}

std::string cell_name(const TargetChange& c)
{
    return c.index == 0 ? c.name : c.name + "[" + std::to_string(c.index + 1) + "]";
}

std::string changes_text(const std::vector<TargetChange>& changes)
{
    std::string zh, en;
    for (const TargetChange& c : changes) {
        const bool rate = c.name.find("率") != std::string::npos;
        std::string found = c.found ? figure(*c.found, rate) : "空白";
        zh += (zh.empty() ? "" : "；") + cell_name(c) + " 下发 " + figure(c.issued, rate) + "，文件 " + found;
        en += (en.empty() ? "" : "; ") + cell_name(c) + " issued " + figure(c.issued, rate) + ", file " +
              (c.found ? figure(*c.found, rate) : "blank");
    }
    return "集团下发的目标被修改：" + zh + " / a group-set target was changed: " + en;
}

}  // namespace

std::string reason_text(const Outcome& o)
{
    if (o.already_recorded)
        return o.recorded_reason;
    switch (o.reason) {
    case Reason::None:
        return {};
    case Reason::Unreadable: {
        std::string s;
        for (const std::string& p : o.problems)
            s += (s.empty() ? "" : "；") + p;
        return s;
    }
    case Reason::TargetChanged:
        return changes_text(o.changes);
    case Reason::SupersededByLater:
        return "已被同一经销商同月较晚保存的文件取代：" + o.other_path + " / superseded by a later save of the same "
               "dealer-month: " + o.other_path;
    case Reason::LaterAlreadyTaken:
        return "同一经销商同月已采用较晚保存的文件：" + o.other_path + " / a later save of the same dealer-month "
               "is taken: " + o.other_path;
    case Reason::TwoInOneRun:
        return "同一经销商同月在本次汇总中有两个文件，且不是同一下发文件的先后保存，均未采用：" + o.other_path +
               " / two files of one dealer-month in this run, not saves of one issued file; neither is taken: " +
               o.other_path;
    case Reason::SameSavedTime:
        return "与同一经销商同月已采用的文件保存时间相同，无法判断哪个在后：" + o.other_path +
               " / the same saved time as the taken file of this dealer-month: " + o.other_path;
    }
    return {};
}

std::string doubt_text(const Doubt& d, int months)
{
    return "请核实：" + d.name + " 本月 " + figure(d.figure, d.rate) + "，近 " + std::to_string(months) +
           " 个已采用月份平均 " + figure(d.usual, d.rate) + " / please check: " + d.name + " " +
           figure(d.figure, d.rate) + " this month, " + figure(d.usual, d.rate) + " on average over the last " +
           std::to_string(months) + " taken months";
}

std::string sha256_of_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw StoreError(StoreError::Failed, "无法读取文件 / cannot read " + path);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        EVP_DigestUpdate(ctx.get(), buf, static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw StoreError(StoreError::Failed, "读取文件出错 / error reading " + path);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx.get(), md, &len);
    std::ostringstream hex;
    for (unsigned int i = 0; i < len; ++i)
        hex << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(md[i]);
    return hex.str();
}

}  // namespace dealerkpi::group::store
