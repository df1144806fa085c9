// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QXmlStreamReader>

/*!
  The one pass over a C-CDA document that every part of the reader shares: QXmlStreamReader
  with namespace processing off (fragments use xsi: and pharm: without declaring them), an
  element depth kept here so nesting is capped wherever the reading happens, and a DTD stopped
  the moment it appears.

  The bytes are handed to the reader in small slices as it asks for more: given the whole
  document at once, Qt 6.4 decodes all of it into one buffer first, which costs twice the time
  of the parse itself on a large document.
 */
class CcdaStream
{
public:
    enum class Stop { None, TooDeep, Dtd };
    static constexpr int MaxDepth = 256;

    CcdaStream(QXmlStreamReader &reader, const QByteArray &source)
        : m_reader(reader)
        , m_source(source)
    {
    }

    QXmlStreamReader::TokenType next()
    {
        QXmlStreamReader::TokenType token = m_reader.readNext();
        while (token == QXmlStreamReader::Invalid &&
               m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError &&
               m_fed < m_source.size()) {
            const qsizetype length = qMin(SliceBytes, m_source.size() - m_fed);
            // A view, not a copy: the source outlives the reader.
            m_reader.addData(QByteArray::fromRawData(m_source.constData() + m_fed, length));
            m_fed += length;
            token = m_reader.readNext();
        }
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
    static constexpr qsizetype SliceBytes = 64 * 1024;
    QXmlStreamReader &m_reader;
    const QByteArray &m_source;
    qsizetype m_fed = 0;
    int m_depth = 0;
    Stop m_stop = Stop::None;
};
