// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12values.h"

#include <QCoreApplication>
#include <QLocale>

#include <charconv>
#include <cmath>

namespace X12Values {

QList<QByteArray> split(const QByteArray &value, char separator)
{
    if (value.isEmpty())
        return {};
    if (separator == '\0')
        return {value};
    QList<QByteArray> parts;
    const char *begin = value.constData();
    const char *end = begin + value.size();
    const char *start = begin;
    for (const char *p = begin; p < end; ++p) {
        if (*p == separator) {
            parts.append(QByteArray(start, p - start));
            start = p + 1;
        }
    }
    parts.append(QByteArray(start, end - start));
    return parts;
}

std::optional<qint64> parseCount(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool sameControlNumber(QByteArrayView a, QByteArrayView b)
{
    const auto na = parseCount(a.trimmed());
    const auto nb = parseCount(b.trimmed());
    if (na && nb)
        return *na == *nb;
    return a.trimmed() == b.trimmed();
}

namespace {
int digits(QByteArrayView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char c = text[i];
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}
} // namespace

QDate parseD8(QByteArrayView text)
{
    if (text.size() != 8)
        return {};
    const int year = digits(text, 0, 4);
    const int month = digits(text, 4, 2);
    const int day = digits(text, 6, 2);
    if (year < 0 || month < 0 || day < 0)
        return {};
    return QDate(year, month, day); // null when the combination is invalid
}

QByteArray formatD8(QDate date)
{
    if (!date.isValid() || date.year() < 0 || date.year() > 9999)
        return {};
    char buffer[8];
    int values[3] = {date.year(), date.month(), date.day()};
    int widths[3] = {4, 2, 2};
    int position = 0;
    for (int i = 0; i < 3; ++i) {
        for (int w = widths[i] - 1; w >= 0; --w) {
            buffer[position + w] = char('0' + values[i] % 10);
            values[i] /= 10;
        }
        position += widths[i];
    }
    return QByteArray(buffer, 8);
}

QTime parseTime(QByteArrayView text)
{
    if (text.size() < 4)
        return {};
    const int hour = digits(text, 0, 2);
    const int minute = digits(text, 2, 2);
    int second = 0;
    if (text.size() >= 6)
        second = digits(text, 4, 2);
    if (hour < 0 || minute < 0 || second < 0)
        return {};
    return QTime(hour, minute, second);
}

namespace {
struct DecimalParts
{
    bool negative = false;
    QByteArrayView integer;
    QByteArrayView fraction;
};

// Splits "-12.50" into sign, "12" and "50"; nullopt unless it is a plain decimal number.
std::optional<DecimalParts> decimalParts(QByteArrayView text)
{
    text = text.trimmed();
    DecimalParts parts;
    if (!text.isEmpty() && (text.front() == '-' || text.front() == '+')) {
        parts.negative = text.front() == '-';
        text = text.sliced(1);
    }
    const qsizetype dot = text.indexOf('.');
    parts.integer = dot < 0 ? text : text.first(dot);
    parts.fraction = dot < 0 ? QByteArrayView() : text.sliced(dot + 1);
    if (parts.integer.isEmpty() && parts.fraction.isEmpty())
        return std::nullopt;
    for (char c : parts.integer) {
        if (!isDigit(c))
            return std::nullopt;
    }
    for (char c : parts.fraction) {
        if (!isDigit(c))
            return std::nullopt;
    }
    return parts;
}
} // namespace

std::optional<qint64> parseMoneyCents(QByteArrayView text)
{
    const auto parts = decimalParts(text);
    if (!parts)
        return std::nullopt;
    QByteArrayView integer = parts->integer;
    while (integer.size() > 1 && integer.front() == '0')
        integer = integer.sliced(1);
    // Up to 13 digits: cents stay below 2^53, so they survive JSON (a double) exactly.
    if (integer.size() > 13)
        return std::nullopt;
    qint64 cents = 0;
    for (char c : integer)
        cents = cents * 10 + (c - '0');
    const QByteArrayView fraction = parts->fraction;
    for (int i = 0; i < 2; ++i)
        cents = cents * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    if (fraction.size() > 2 && fraction[2] >= '5')
        ++cents; // half away from zero: the sign is applied afterwards
    return parts->negative ? -cents : cents;
}

QByteArray formatMoneyCents(qint64 cents)
{
    const bool negative = cents < 0;
    // Unsigned so that the most negative value does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(cents) : quint64(cents);
    QByteArray text = QByteArray::number(magnitude / 100);
    const int fraction = int(magnitude % 100);
    if (fraction != 0) {
        text += '.';
        text += char('0' + fraction / 10);
        if (fraction % 10 != 0)
            text += char('0' + fraction % 10);
    }
    return negative ? '-' + text : text;
}

std::optional<double> parseDecimal(QByteArrayView text)
{
    const auto parts = decimalParts(text);
    if (!parts || parts->integer.size() + parts->fraction.size() > 40)
        return std::nullopt;
    QByteArray normalized;
    normalized.reserve(parts->integer.size() + parts->fraction.size() + 3);
    normalized += parts->integer.isEmpty() ? QByteArrayView("0") : parts->integer;
    if (!parts->fraction.isEmpty())
        normalized += '.' + parts->fraction.toByteArray();
    double value = 0;
    const auto [end, error] =
        std::from_chars(normalized.constData(), normalized.constData() + normalized.size(), value);
    if (error != std::errc() || end != normalized.constData() + normalized.size())
        return std::nullopt;
    return parts->negative ? -value : value;
}

QByteArray formatDecimal(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == 0)
        return QByteArrayLiteral("0"); // also for -0.0, which X12 cannot say
    return QString::number(value, 'f', QLocale::FloatingPointShortest).toLatin1();
}

namespace {
// Letters that Unicode decomposition does not reduce to ASCII.
QString foldSpecial(QChar c)
{
    switch (c.unicode()) {
    case 0x00DF:
        return QStringLiteral("ss");
    case 0x00C6:
        return QStringLiteral("AE");
    case 0x00E6:
        return QStringLiteral("ae");
    case 0x00D8:
        return QStringLiteral("O");
    case 0x00F8:
        return QStringLiteral("o");
    case 0x0141:
        return QStringLiteral("L");
    case 0x0142:
        return QStringLiteral("l");
    case 0x0110:
        return QStringLiteral("D");
    case 0x0111:
        return QStringLiteral("d");
    case 0x0152:
        return QStringLiteral("OE");
    case 0x0153:
        return QStringLiteral("oe");
    default:
        return {};
    }
}

bool isPlainAscii(const QString &text, const X12Delimiters &delimiters)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x21 || u > 0x7E || u == uchar(delimiters.element) ||
            u == uchar(delimiters.component) || u == uchar(delimiters.segment) ||
            (delimiters.repetition != '\0' && u == uchar(delimiters.repetition))) {
            if (u != ' ')
                return false;
        }
    }
    return !text.startsWith(QLatin1Char(' ')) && !text.endsWith(QLatin1Char(' ')) &&
           !text.contains(QLatin1String("  "));
}
} // namespace

QByteArray elementText(const QString &text, const X12Delimiters &delimiters)
{
    if (isPlainAscii(text, delimiters))
        return text.toLatin1();
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QByteArray out;
    out.reserve(decomposed.size());
    auto appendChar = [&](char c) {
        const bool delimiter = c == delimiters.element || c == delimiters.component ||
                               c == delimiters.segment ||
                               (delimiters.repetition != '\0' && c == delimiters.repetition);
        if (uchar(c) < 0x20 || uchar(c) == 0x7F || delimiter)
            c = ' ';
        if (c == ' ' && (out.isEmpty() || out.endsWith(' ')))
            return;
        out += c;
    };
    for (QChar c : decomposed) {
        if (c.unicode() < 0x80) {
            appendChar(char(c.unicode()));
        } else if (c.isMark()) {
            continue; // accents after decomposition: "é" became "e" + U+0301
        } else if (const QString folded = foldSpecial(c); !folded.isEmpty()) {
            for (QChar f : folded)
                appendChar(char(f.unicode()));
        } else if (c.isSpace()) {
            appendChar(' ');
        }
        // Anything else has no ASCII form that a payer would match; it is left out.
    }
    while (out.endsWith(' '))
        out.chop(1);
    return out;
}

namespace {
constexpr char codeAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr int codeLetters = 36;

struct ShortCodes
{
    char16_t one[codeLetters];
    char16_t two[codeLetters * codeLetters][2];
};

constexpr ShortCodes makeShortCodes()
{
    ShortCodes codes{};
    for (int i = 0; i < codeLetters; ++i) {
        codes.one[i] = char16_t(codeAlphabet[i]);
        for (int j = 0; j < codeLetters; ++j) {
            codes.two[i * codeLetters + j][0] = char16_t(codeAlphabet[i]);
            codes.two[i * codeLetters + j][1] = char16_t(codeAlphabet[j]);
        }
    }
    return codes;
}

// Every code of one or two letters or digits: 36 + 1296 entries, built by the compiler.
constexpr ShortCodes shortCodes = makeShortCodes();

// Three-character codes that repeat in every 271: coverage levels, DTP qualifiers, payers.
constexpr const char16_t *threeCharacterCodes[] = {
    u"IND", u"FAM", u"EMP", u"ESP", u"ECH", u"CHD", u"DEP", u"SPC", u"SPO", u"PRP", u"SEP",
    u"TTP", u"RD8", u"102", u"193", u"194", u"198", u"290", u"291", u"292", u"295", u"304",
    u"307", u"318", u"340", u"341", u"342", u"343", u"346", u"347", u"348", u"349", u"356",
    u"357", u"435", u"442", u"458", u"472", u"539", u"540", u"636", u"771"};

int codeIndex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return 10 + (c - 'A');
    return -1;
}

QString staticCode(const char16_t *text, qsizetype size)
{
    // Static storage: the string never needs freeing, so it is not reference counted.
    return QString::fromRawData(reinterpret_cast<const QChar *>(text), size);
}
} // namespace

QString codeText(QByteArrayView code)
{
    if (code.size() == 1) {
        if (const int i = codeIndex(code[0]); i >= 0)
            return staticCode(&shortCodes.one[i], 1);
    } else if (code.size() == 2) {
        const int i = codeIndex(code[0]);
        const int j = codeIndex(code[1]);
        if (i >= 0 && j >= 0)
            return staticCode(shortCodes.two[i * codeLetters + j], 2);
    } else if (code.size() == 3) {
        for (const char16_t *known : threeCharacterCodes) {
            if (known[0] == uchar(code[0]) && known[1] == uchar(code[1]) &&
                known[2] == uchar(code[2]))
                return staticCode(known, 3);
        }
    }
    return QString::fromLatin1(code);
}

QString describeChar(char c)
{
    const uchar u = uchar(c);
    switch (c) {
    case '\r':
        return QStringLiteral("CR (0x0D)");
    case '\n':
        return QStringLiteral("LF (0x0A)");
    case '\t':
        return QStringLiteral("tab (0x09)");
    case ' ':
        return QCoreApplication::translate("X12", "space");
    default:
        break;
    }
    if (u > 0x20 && u < 0x7F)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("0x%1")
        .arg(uint(u), 2, 16, QLatin1Char('0'))
        .toUpper()
        .replace(QLatin1String("0X"), QLatin1String("0x"));
}

QString describeBytes(QByteArrayView bytes, qsizetype maxLength)
{
    QString out;
    for (qsizetype i = 0; i < bytes.size() && i < maxLength; ++i) {
        const uchar u = uchar(bytes[i]);
        if (u >= 0x20 && u < 0x7F)
            out += QLatin1Char(char(u));
        else
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > maxLength)
        out += QStringLiteral("...");
    return out;
}

} // namespace X12Values
