#!/usr/bin/python3
"""make_icons.py OUT_DIR: the Extension Manager icons, drawn here so that the
build makes the same bytes every time (no image tool needed).

dealerkpi.png     42x42, three rising bars (a funnel turned into results) on blue
dealerkpi-hc.png  the same for high-contrast themes: white on black, with a frame
"""
import os
import struct
import sys
import zlib

SIZE = 42
BARS = ((8, 26), (17, 18), (26, 9))  # (left x, top y) of the three bars, 8 wide, down to y 34


def draw(background, bar, frame=None):
    rows = []
    for y in range(SIZE):
        row = bytearray()
        for x in range(SIZE):
            # rounded corners: transparent outside a radius-6 quarter circle
            cx = 6 if x < 6 else SIZE - 7 if x > SIZE - 7 else x
            cy = 6 if y < 6 else SIZE - 7 if y > SIZE - 7 else y
            inside = (x - cx) ** 2 + (y - cy) ** 2 <= 36
            colour, alpha = background, 255 if inside else 0
            if inside and frame and (x < 2 or y < 2 or x >= SIZE - 2 or y >= SIZE - 2 or
                                     (x - cx) ** 2 + (y - cy) ** 2 > 16):
                colour = frame
            if any(left <= x < left + 8 and top <= y < 34 for left, top in BARS):
                colour = bar
            row += bytes(colour) + bytes([alpha])
        rows.append(b"\0" + bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    os.makedirs(sys.argv[1], exist_ok=True)
    with open(os.path.join(sys.argv[1], "dealerkpi.png"), "wb") as f:
        f.write(draw((31, 95, 153), (255, 255, 255)))
    with open(os.path.join(sys.argv[1], "dealerkpi-hc.png"), "wb") as f:
        f.write(draw((0, 0, 0), (255, 255, 255), frame=(255, 255, 255)))
