// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/ccdanarrative.h"

#include "services/clinical/ccdastream.h"

#include <QList>

namespace {

enum class Block { None, Line, Cell };

struct Open
{
    QString closing; // the HTML end tags to write when the element ends ("</span>")
    Block block = Block::None;
    QString id; // the element's ID attribute, when it had one
    qsizetype textStart = 0;
    bool dropped = false; // renderMultiMedia and col: nothing inside is shown
};

//! Appends with every run of whitespace made one space (none at the start).
void appendPlain(QString &text, QStringView chunk)
{
    const qsizetype size = chunk.size();
    qsizetype i = 0;
    while (i < size) {
        if (chunk[i].isSpace()) {
            while (i < size && chunk[i].isSpace())
                ++i;
            if (!text.isEmpty() && !text.back().isSpace())
                text.append(u' ');
            continue;
        }
        const qsizetype start = i;
        while (i < size && !chunk[i].isSpace())
            ++i;
        text.append(chunk.sliced(start, i - start));
    }
}

void breakPlain(QString &text, Block block)
{
    if (block == Block::None || text.isEmpty())
        return;
    while (!text.isEmpty() && text.back() == u' ')
        text.chop(1);
    if (text.isEmpty())
        return;
    const QChar separator = block == Block::Line ? u'\n' : u'\t';
    if (!text.back().isSpace())
        text.append(separator);
    else if (separator == u'\n' && text.back() == u'\t')
        text.back() = u'\n';
}

QString collapsed(QStringView text)
{
    QString out;
    out.reserve(text.size());
    appendPlain(out, text);
    return out.trimmed();
}

//! A colspan/rowspan value: digits only, at most 3 of them.
bool isSmallNumber(QStringView value)
{
    if (value.isEmpty() || value.size() > 3)
        return false;
    for (const QChar c : value) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

//! A styleCode token made safe as a class name: letters, digits, '-' and '_' only.
QString className(QStringView token)
{
    QString out;
    for (const QChar c : token) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
            c == u'-' || c == u'_')
            out.append(c);
    }
    return out;
}

} // namespace

void CcdaNarrative::appendEscaped(QString &html, QStringView text)
{
    // Runs without a special character are copied whole.
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QLatin1StringView entity;
        switch (text[i].unicode()) {
        case '&':
            entity = QLatin1StringView("&amp;");
            break;
        case '<':
            entity = QLatin1StringView("&lt;");
            break;
        case '>':
            entity = QLatin1StringView("&gt;");
            break;
        case '"':
            entity = QLatin1StringView("&quot;");
            break;
        default:
            continue;
        }
        html.append(text.sliced(start, i - start)).append(entity);
        start = i + 1;
    }
    html.append(text.sliced(start));
}

void CcdaNarrative::read(CcdaStream &stream)
{
    QXmlStreamReader &reader = stream.reader();
    const int startDepth = stream.depth();
    QList<Open> stack;
    int dropDepth = 0; // > 0 while inside a dropped element
    // <text ID="x"> itself may be what an entry points to.
    const QString rootId = reader.attributes().value(QLatin1StringView("ID")).toString();

    auto openElement = [&]() {
        Open open;
        const QStringView name = stream.name();
        const QXmlStreamAttributes attributes = reader.attributes();
        QStringView styleCode;
        QStringView listType;
        QStringView colspan;
        QStringView rowspan;
        for (const QXmlStreamAttribute &attribute : attributes) {
            const QStringView attrName = CcdaStream::localName(attribute.qualifiedName());
            if (attrName == u"ID")
                open.id = attribute.value().toString();
            else if (attrName == u"styleCode")
                styleCode = attribute.value();
            else if (attrName == u"listType")
                listType = attribute.value();
            else if (attrName == u"colspan")
                colspan = attribute.value();
            else if (attrName == u"rowspan")
                rowspan = attribute.value();
        }
        if (dropDepth > 0 || name == u"renderMultiMedia" || name == u"col" || name == u"colgroup") {
            open.dropped = true;
            ++dropDepth;
        } else if (name == u"paragraph") {
            html.append(QLatin1StringView("<p>"));
            open.closing = QStringLiteral("</p>");
            open.block = Block::Line;
        } else if (name == u"br") {
            html.append(QLatin1StringView("<br/>"));
            open.block = Block::Line;
        } else if (name == u"table" || name == u"thead" || name == u"tbody" || name == u"tfoot" ||
                   name == u"tr" || name == u"caption") {
            html.append(u'<').append(name).append(u'>');
            open.closing = QStringLiteral("</").append(name).append(u'>');
            open.block = Block::Line;
        } else if (name == u"td" || name == u"th") {
            html.append(u'<').append(name);
            if (isSmallNumber(colspan))
                html.append(QLatin1StringView(" colspan=\"")).append(colspan).append(u'"');
            if (isSmallNumber(rowspan))
                html.append(QLatin1StringView(" rowspan=\"")).append(rowspan).append(u'"');
            html.append(u'>');
            open.closing = QStringLiteral("</").append(name).append(u'>');
            open.block = Block::Cell;
        } else if (name == u"list") {
            const bool ordered = listType.compare(u"ordered", Qt::CaseInsensitive) == 0;
            html.append(ordered ? QLatin1StringView("<ol>") : QLatin1StringView("<ul>"));
            open.closing = ordered ? QStringLiteral("</ol>") : QStringLiteral("</ul>");
            open.block = Block::Line;
        } else if (name == u"item") {
            html.append(QLatin1StringView("<li>"));
            open.closing = QStringLiteral("</li>");
            open.block = Block::Line;
        } else if (name == u"sub" || name == u"sup") {
            html.append(u'<').append(name).append(u'>');
            open.closing = QStringLiteral("</").append(name).append(u'>');
        } else if (name == u"content" || name == u"linkHtml" || name == u"footnote" ||
                   name == u"footnoteRef") {
            // styleCode words become b/i/u or span classes; nothing else of the element is kept.
            QString classes;
            QString closing;
            for (const QStringView token : styleCode.split(u' ', Qt::SkipEmptyParts)) {
                if (token.compare(u"Bold", Qt::CaseInsensitive) == 0) {
                    html.append(QLatin1StringView("<b>"));
                    closing.prepend(QLatin1StringView("</b>"));
                } else if (token.compare(u"Italics", Qt::CaseInsensitive) == 0) {
                    html.append(QLatin1StringView("<i>"));
                    closing.prepend(QLatin1StringView("</i>"));
                } else if (token.compare(u"Underline", Qt::CaseInsensitive) == 0) {
                    html.append(QLatin1StringView("<u>"));
                    closing.prepend(QLatin1StringView("</u>"));
                } else {
                    const QString safe = className(token);
                    if (!safe.isEmpty())
                        classes += (classes.isEmpty() ? QString() : QStringLiteral(" ")) + safe;
                }
            }
            if (!classes.isEmpty()) {
                html.append(QLatin1StringView("<span class=\"")).append(classes).append(u'"');
                html.append(u'>');
                closing.prepend(QLatin1StringView("</span>"));
            }
            open.closing = closing;
        }
        // Any other element (unknown, or not allowed) adds no markup: only its text shows.
        if (!open.dropped)
            breakPlain(text, open.block);
        open.textStart = text.size();
        stack.append(std::move(open));
    };

    for (;;) {
        const QXmlStreamReader::TokenType token = stream.next();
        if (!stream.within(token, startDepth))
            break;
        switch (token) {
        case QXmlStreamReader::StartElement:
            openElement();
            break;
        case QXmlStreamReader::EndElement: {
            if (stack.isEmpty())
                break;
            Open open = stack.takeLast();
            if (open.dropped) {
                --dropDepth;
                break;
            }
            html.append(open.closing);
            if (!open.id.isEmpty())
                ids.insert(open.id, collapsed(QStringView(text).sliced(open.textStart)));
            breakPlain(text, open.block);
            break;
        }
        case QXmlStreamReader::Characters:
            if (dropDepth == 0) {
                appendEscaped(html, reader.text());
                appendPlain(text, reader.text());
            }
            break;
        default:
            break;
        }
    }
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    if (!rootId.isEmpty())
        ids.insert(rootId, collapsed(text));
}
