#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a hostile but well-enveloped 271 for scripts/bench-x12.sh.

  hostile-271.py hl-chain SIZE_MB FILE      HL segments, each the child of the one before
  hostile-271.py repeated-eb SIZE_MB FILE   one subscriber followed by EB*1~ over and over

The envelope counts (SE01, GE01, IEA01) and control numbers are right, so a reader has to look
at the content to refuse it.
"""
import sys

HEAD = ("ISA*00*          *00*          *ZZ*HOSTILE        *ZZ*CLINICDESK     *260310*0930*^*"
        "00501*000000001*0*T*:~GS*HB*HOSTILE*CLINICDESK*20260310*0930*1*X*005010X279A1~")
BODY = ("BHT*0022*11*REQ-1*20260310*0930~HL*1**20*1~NM1*PR*2*PAYER*****PI*P1~HL*2*1*21*1~"
        "NM1*1P*2*CLINIC*****XX*1234567893~")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("hl-chain", "repeated-eb"):
        sys.exit(__doc__)
    kind, size, path = sys.argv[1], int(float(sys.argv[2]) * 1024 * 1024), sys.argv[3]
    with open(path, "w", newline="") as out:
        out.write(HEAD + "ST*271*0001*005010X279A1~" + BODY)
        written = len(HEAD) + 26 + len(BODY)
        segments = 1 + BODY.count("~")  # ST and the body so far
        tail = 64  # room for SE, GE and IEA
        if kind == "hl-chain":
            out.write("HL*3*2*22*1~")
            written += 12
            segments += 1
            parent = 3
            while written + 40 < size - tail:
                line = f"HL*{parent + 1}*{parent}*23*1~"
                out.write(line)
                written += len(line)
                segments += 1
                parent += 1
        else:
            line = "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*M1~"
            out.write(line)
            written += len(line)
            segments += 2
            count = (size - tail - written) // 5
            block = "EB*1~" * 4096
            while count >= 4096:
                out.write(block)
                count -= 4096
                segments += 4096
            out.write("EB*1~" * count)
            segments += count
        out.write(f"SE*{segments + 1}*0001~GE*1*1~IEA*1*000000001~")


if __name__ == "__main__":
    main()
