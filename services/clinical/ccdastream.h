// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <QXmlStreamReader>

/*!
  The one pass over a C-CDA document that every part of the reader shares: QXmlStreamReader
  with namespace processing off (fragments use xsi: and pharm: without declaring them), an
  element depth kept here so nesting is capped wherever the reading happens, and a DTD stopped
  the moment it appears.
 */
class CcdaStream
{
public:
    enum class Stop { None, TooDeep, Dtd };
    static constexpr int MaxDepth = 256;

    explicit CcdaStream(QXmlStreamReader &reader) : m_reader(reader) {}

    QXmlStreamReader::TokenType next()
    {
        const QXmlStreamReader::TokenType token = m_reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (++m_depth > MaxDepth) {
                m_stop = Stop::TooDeep;
                m_reader.raiseError(QStringLiteral("too deep"));
                return QXmlStreamReader::Invalid;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --m_depth;
        } else if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference) {
            m_stop = Stop::Dtd;
            m_reader.raiseError(QStringLiteral("dtd"));
            return QXmlStreamReader::Invalid;
        }
        return token;
    }

    //! True while inside the element that was opened at `depth` (false once it closed or on error).
    bool within(QXmlStreamReader::TokenType token, int depth) const
    {
        if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument)
            return false;
        return !(token == QXmlStreamReader::EndElement && m_depth < depth);
    }

    //! Skips everything inside the element just opened.
    void skip()
    {
        const int depth = m_depth;
        for (;;) {
            if (!within(next(), depth))
                return;
        }
    }

    //! The element name without its prefix, except sdtc:, whose names would clash with HL7's.
    QStringView name() const { return localName(m_reader.qualifiedName()); }
    static QStringView localName(QStringView qualified)
    {
        const qsizetype colon = qualified.indexOf(u':');
        if (colon < 0 || qualified.startsWith(u"sdtc:"))
            return qualified;
        return qualified.mid(colon + 1);
    }

    int depth() const { return m_depth; }
    Stop stop() const { return m_stop; }
    QXmlStreamReader &reader() { return m_reader; }

private:
    QXmlStreamReader &m_reader;
    int m_depth = 0;
    Stop m_stop = Stop::None;
};
