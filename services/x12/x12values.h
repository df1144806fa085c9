// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12document.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QString>
#include <QTime>

#include <optional>

//! Value conversions shared by the X12 reader, writer, builders and parsers. Money and
//! percentages are converted with string arithmetic so that cents are exact.
namespace X12Values {

//! Splits value on separator; {} for an empty value and {value} when separator is '\0' (no
//! separator).
QList<QByteArray> split(const QByteArray &value, char separator);

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
//! Space, tab, CR and LF: what may surround segments for readability.
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

//! A non-negative integer made of 1 to 18 digits (counts, control numbers).
std::optional<qint64> parseCount(QByteArrayView text);
//! Control numbers compare as numbers when both are digits ("000000905" == "905").
bool sameControlNumber(QByteArrayView a, QByteArrayView b);

//! CCYYMMDD; a null QDate when text is not a valid date.
QDate parseD8(QByteArrayView text);
QByteArray formatD8(QDate date);
//! HHMM or HHMMSS (more digits, decimal seconds, are ignored); invalid QTime otherwise.
QTime parseTime(QByteArrayView text);

//! X12 "R" money ("1500", "-12.5", ".75") in cents. More than two decimals are rounded half
//! away from zero. nullopt for anything that is not a number or has more than 13 digits
//! before the point.
std::optional<qint64> parseMoneyCents(QByteArrayView text);
//! Cents as the shortest X12 decimal: 150000 -> "1500", 150050 -> "1500.5", 5 -> "0.05".
QByteArray formatMoneyCents(qint64 cents);

//! X12 "R" decimal without exponent ("0.2", "10", "-1.5"); nullopt otherwise.
std::optional<double> parseDecimal(QByteArrayView text);
//! Shortest text that reads back as the same double, without exponent.
QByteArray formatDecimal(double value);

//! Text for an element: accents folded to ASCII, delimiter and control characters replaced
//! by spaces, runs of spaces collapsed, trimmed.
QByteArray elementText(const QString &text, const X12Delimiters &delimiters);

//! A code ("IND", "98", "Y") as a QString. Codes of one or two upper-case letters or digits,
//! and the common three-character ones (EB02 levels, DTP qualifiers, 2120 entity codes), come
//! from a constant table in static storage, so that copying and destroying them costs no
//! reference counting; anything else is an ordinary QString. Nothing is ever added to the table.
QString codeText(QByteArrayView code);

//! A character for messages: '~', or CR (0x0D) for unprintable ones.
QString describeChar(char c);
//! Bytes for messages: printable ASCII kept, the rest as \xNN, cut at maxLength.
QString describeBytes(QByteArrayView bytes, qsizetype maxLength = 20);

} // namespace X12Values
