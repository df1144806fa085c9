// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

//! Builds X12 for tests: an interchange ('*', '^', ':', '~') around transaction bodies, with
//! counts and control numbers right. A body is the segments between ST and SE, each ending
//! in '~'.
inline QByteArray x12Interchange(const QByteArray &type, const QList<QByteArray> &bodies,
                                 int control = 900)
{
    const QByteArray number = QByteArray::number(control);
    const QByteArray functionalId = type == "270" ? "HS" : type == "271" ? "HB" : "HP";
    QByteArray out = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CLINICDESK     *260310*"
                     "0930*^*00501*" +
                     number.rightJustified(9, '0') + "*0*T*:~";
    out += "GS*" + functionalId + "*CLEARINGHOUSE*CLINICDESK*20260310*0930*" + number +
           "*X*005010X279A1~";
    int st = 0;
    for (const QByteArray &body : bodies) {
        const QByteArray st02 = QByteArray::number(++st).rightJustified(4, '0');
        out += "ST*" + type + '*' + st02 + "*005010X279A1~";
        out += body;
        out += "SE*" + QByteArray::number(body.count('~') + 2) + '*' + st02 + '~';
    }
    out += "GE*" + QByteArray::number(bodies.size()) + '*' + number + '~';
    out += "IEA*1*" + number.rightJustified(9, '0') + '~';
    return out;
}

//! The head of a 271 transaction: BHT, payer (2000A/2100A) and provider (2000B/2100B).
inline QByteArray x12ResponseHead(const QByteArray &reference = "REQ-1")
{
    return "BHT*0022*11*" + reference +
           "*20260310*0930~HL*1**20*1~NM1*PR*2*HARBOR HEALTH PLAN*****PI*HHP01~HL*2*1*21*1~"
           "NM1*1P*2*MAPLE STREET CLINIC*****XX*1234567893~";
}
