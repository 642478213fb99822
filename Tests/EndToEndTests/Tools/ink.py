"""Prints the share of a PNG's pixels that are not white (0.0 for a blank page).

Standard library only: reads an 8-bit RGB or RGBA PNG as Chromium writes its screenshots,
undoing each row's filter, so a test can tell a rendered page from a blank one.
"""
import struct
import sys
import zlib


def main(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("not a PNG: " + path)
    offset, chunks = 8, []
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        chunks.append((kind, data[offset + 8:offset + 8 + length]))
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", dict(chunks)[b"IHDR"][:10])
    if depth != 8 or colour not in (2, 6):
        sys.exit("unsupported PNG (depth %d, colour type %d)" % (depth, colour))
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * step
    previous, inked, index = bytearray(stride), 0, 0
    for _ in range(height):
        kind, row = raw[index], bytearray(raw[index + 1:index + 1 + stride])
        index += 1 + stride
        for i in range(stride):
            left = row[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        for x in range(0, stride, step):
            if min(row[x], row[x + 1], row[x + 2]) < 200:
                inked += 1
        previous = row
    print("%.4f" % (inked / float(width * height)))


main(sys.argv[1])
