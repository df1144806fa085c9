// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirnarrative.h"

#include <QStringList>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

QChar entityChar(QStringView name)
{
    if (name == u"lt")
        return u'<';
    if (name == u"gt")
        return u'>';
    if (name == u"amp")
        return u'&';
    if (name == u"quot")
        return u'"';
    if (name == u"apos")
        return u'\'';
    if (name == u"nbsp")
        return u' ';
    if (name.size() > 1 && name.front() == u'#') {
        bool ok = false;
        const uint value = name.size() > 2 && (name[1] == u'x' || name[1] == u'X')
                               ? name.mid(2).toUInt(&ok, 16)
                               : name.mid(1).toUInt(&ok, 10);
        // Only the basic plane, never a control character: enough for narrative punctuation.
        if (ok && value >= 0x20 && value < 0xD800)
            return QChar(char16_t(value));
        if (ok && (value == 9 || value == 10 || value == 13))
            return u' ';
    }
    return {};
}

// Elements whose content is never shown.
bool isDropped(QStringView name)
{
    return name == u"script" || name == u"style" || name == u"object" || name == u"iframe" ||
           name == u"embed" || name == u"head" || name == u"title" || name == u"template";
}

// Input element → output element of the safe subset; empty when the element is transparent
// (its content kept, the tag itself dropped).
QString mappedTag(QStringView name)
{
    static const QStringList kept = {
        u"p"_s,  u"br"_s, u"table"_s,   u"thead"_s, u"tbody"_s, u"tfoot"_s, u"tr"_s,
        u"th"_s, u"td"_s, u"caption"_s, u"ul"_s,    u"ol"_s,    u"li"_s,    u"b"_s,
        u"i"_s,  u"u"_s,  u"sub"_s,     u"sup"_s,   u"span"_s,
    };
    for (const QString &tag : kept) {
        if (name == tag)
            return tag;
    }
    if (name == u"strong")
        return u"b"_s;
    if (name == u"em")
        return u"i"_s;
    if (name.size() == 2 && name[0] == u'h' && name[1] >= u'1' && name[1] <= u'6')
        return u"b"_s;
    if (name == u"pre" || name == u"blockquote")
        return u"p"_s;
    return {};
}

bool safeClass(QStringView value)
{
    for (QChar c : value) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u' '))
            return false;
    }
    return !value.isEmpty();
}

QString attributeNumber(const QXmlStreamAttributes &attributes, QLatin1StringView name)
{
    const QStringView value = attributes.value(name);
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n > 1 && n < 1000 ? QString::number(n) : QString();
}

QString paragraphs(const QString &text)
{
    QString out;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        const QString simplified = line.simplified();
        if (!simplified.isEmpty())
            out += "<p>"_L1 + simplified.toHtmlEscaped() + "</p>"_L1;
    }
    return out;
}

// Words of the markup with line breaks kept where blocks end, for the fallback.
QString wordsByLine(const QString &xhtml)
{
    QString spaced = xhtml;
    static const QStringList breaks = {u"</p>"_s, u"<br"_s, u"</tr>"_s, u"</li>"_s, u"</div>"_s};
    for (const QString &tag : breaks)
        spaced.replace(tag, u'\n' + tag, Qt::CaseInsensitive);
    QStringList lines;
    for (const QString &line : spaced.split(u'\n'))
        lines.append(FhirNarrative::plainText(line));
    return lines.join(u'\n');
}

} // namespace

namespace FhirNarrative {

QString plainText(const QString &xhtml)
{
    QString out;
    out.reserve(xhtml.size());
    bool pendingSpace = false;
    const qsizetype size = xhtml.size();
    const QChar *data = xhtml.constData();
    auto put = [&](QChar c) {
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            return;
        }
        if (pendingSpace) {
            out += u' ';
            pendingSpace = false;
        }
        out += c;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = data[i];
        if (c == u'<') {
            const qsizetype close = xhtml.indexOf(u'>', i + 1);
            if (close < 0)
                break;
            // A tag separates words ("<td>a</td><td>b</td>" reads "a b").
            pendingSpace = !out.isEmpty();
            i = close;
        } else if (c == u'&') {
            const qsizetype semicolon = xhtml.indexOf(u';', i + 1);
            if (semicolon > i && semicolon - i <= 10) {
                const QChar decoded = entityChar(QStringView(data + i + 1, semicolon - i - 1));
                if (!decoded.isNull()) {
                    put(decoded);
                    i = semicolon;
                    continue;
                }
            }
            put(c);
        } else {
            put(c);
        }
    }
    return out;
}

QString safeHtml(const QString &xhtml)
{
    if (xhtml.trimmed().isEmpty())
        return {};
    // One root, so that a fragment of several paragraphs is still one document.
    QXmlStreamReader reader("<fragment>"_L1 + xhtml + "</fragment>"_L1);
    QString out;
    QStringList open;  // the output tag of each open input element ("" when transparent)
    int dropDepth = 0; // > 0 while inside a dropped element
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            const QString name = reader.name().toString().toLower();
            if (dropDepth > 0 || isDropped(name)) {
                ++dropDepth;
                open.append(QString());
                break;
            }
            const QString tag = mappedTag(name);
            open.append(tag);
            if (tag.isEmpty())
                break;
            const QXmlStreamAttributes attributes = reader.attributes();
            out += u'<' + tag;
            if (tag == u"span") {
                const QString cls = attributes.value("class"_L1).toString().simplified();
                if (safeClass(cls))
                    out += " class=\""_L1 + cls + u'"';
            } else if (tag == u"td" || tag == u"th") {
                const QString colspan = attributeNumber(attributes, "colspan"_L1);
                const QString rowspan = attributeNumber(attributes, "rowspan"_L1);
                if (!colspan.isEmpty())
                    out += " colspan=\""_L1 + colspan + u'"';
                if (!rowspan.isEmpty())
                    out += " rowspan=\""_L1 + rowspan + u'"';
            }
            out += tag == u"br" ? "/>"_L1 : ">"_L1;
            break;
        }
        case QXmlStreamReader::EndElement: {
            const QString tag = open.isEmpty() ? QString() : open.takeLast();
            if (dropDepth > 0) {
                --dropDepth;
                break;
            }
            if (!tag.isEmpty() && tag != u"br")
                out += "</"_L1 + tag + u'>';
            else if (reader.name() == u"div" && !out.isEmpty() && !out.endsWith("<br/>"_L1))
                out += "<br/>"_L1; // a div ends a line
            break;
        }
        case QXmlStreamReader::Characters:
            if (dropDepth == 0)
                out += reader.text().toString().toHtmlEscaped();
            break;
        case QXmlStreamReader::EntityReference:
            if (dropDepth == 0) {
                const QChar c = entityChar(reader.name());
                if (!c.isNull())
                    out += QString(c).toHtmlEscaped();
            }
            break;
        case QXmlStreamReader::DTD:
            // A div never needs a DTD; one here is an attack on the parser, not narrative.
            return paragraphs(wordsByLine(xhtml));
        default:
            break;
        }
    }
    // XHTML with HTML entities (&nbsp;) or unclosed tags: keep the words, lose the layout.
    if (reader.hasError())
        return paragraphs(wordsByLine(xhtml));
    while (out.endsWith("<br/>"_L1))
        out.chop(5);
    return out.trimmed();
}

QString toDiv(const QString &html, const QString &text)
{
    QString inner = safeHtml(html);
    if (inner.isEmpty())
        inner = paragraphs(text);
    if (inner.isEmpty())
        return {};
    return "<div xmlns=\"http://www.w3.org/1999/xhtml\">"_L1 + inner + "</div>"_L1;
}

} // namespace FhirNarrative
