// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/ccdareader.h"

#include "services/clinical/ccdaentries.h"
#include "services/clinical/ccdanarrative.h"
#include "services/clinical/ccdastream.h"
#include "services/clinical/ccdatree.h"

#include <QXmlStreamReader>

namespace {

using L1 = QLatin1StringView;
constexpr int None = CcdaTree::None;

//! The first entity reference other than the five XML ones and character references, if any.
QString forbiddenEntity(QStringView text, qsizetype upTo)
{
    const qsizetype end = qMin(text.size(), upTo + 64);
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] != u'&')
            continue;
        qsizetype j = i + 1;
        while (j < text.size() && j - i < 64 && text[j] != u';' && !text[j].isSpace() &&
               text[j] != u'<' && text[j] != u'&')
            ++j;
        if (j >= text.size() || text[j] != u';')
            continue;
        const QStringView name = text.sliced(i + 1, j - i - 1);
        if (name.isEmpty() || name.startsWith(u'#') || name == u"lt" || name == u"gt" ||
            name == u"amp" || name == u"apos" || name == u"quot")
            continue;
        return name.toString();
    }
    return {};
}

class Parser
{
public:
    Parser(CcdaStream &stream, ClinicalRecord &record)
        : m_stream(stream)
        , m_record(record)
    {
    }

    //! Reads the whole input; returns the root element's name.
    QString run()
    {
        QString rootName;
        for (;;) {
            const QXmlStreamReader::TokenType token = m_stream.next();
            if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument)
                break;
            if (token != QXmlStreamReader::StartElement)
                continue;
            rootName = m_stream.name().toString();
            if (rootName == L1("ClinicalDocument"))
                readDocument();
            else if (rootName == L1("section"))
                m_record.sections.append(readSection());
            else if (rootName == L1("component"))
                readComponent(m_record.sections);
            else
                m_stream.skip();
        }
        return rootName;
    }

private:
    void readDocument()
    {
        const int depth = m_stream.depth();
        ClinicalHeader &header = m_record.header;
        for (;;) {
            const QXmlStreamReader::TokenType token = m_stream.next();
            if (!m_stream.within(token, depth))
                return;
            if (token != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_stream.name();
            if (name == u"component") {
                readComponent(m_record.sections);
                continue;
            }
            if (name != u"id" && name != u"code" && name != u"title" && name != u"effectiveTime" &&
                name != u"setId" && name != u"versionNumber" && name != u"recordTarget" &&
                name != u"author" && name != u"custodian" && name != u"relatedDocument") {
                m_stream.skip();
                continue;
            }
            m_tree.read(m_stream);
            const CcdaEntries values(m_tree, m_noIds);
            const int root = m_tree.root();
            const QString &element = m_tree.name(root);
            if (element == L1("id")) {
                header.documentId = values.identifier(root);
            } else if (element == L1("code")) {
                header.type = values.code(root);
            } else if (element == L1("title")) {
                header.title = m_tree.deepText(root);
            } else if (element == L1("effectiveTime")) {
                header.date = CcdaEntries::isoTime(m_tree.attr(root, L1("value")));
            } else if (element == L1("setId")) {
                header.setId = values.identifier(root);
            } else if (element == L1("versionNumber")) {
                header.version = m_tree.attr(root, L1("value")).toInt();
            } else if (element == L1("recordTarget")) {
                readPatient(values);
            } else if (element == L1("author")) {
                const int assigned = m_tree.child(root, L1("assignedAuthor"));
                ClinicalPerson person;
                person.name = values.personName(m_tree.path(assigned, L1("assignedPerson/name")));
                const int device = m_tree.child(assigned, L1("assignedAuthoringDevice"));
                person.software = m_tree.deepText(m_tree.child(device, L1("softwareName")));
                if (person.software.isEmpty())
                    person.software =
                        m_tree.deepText(m_tree.child(device, L1("manufacturerModelName")));
                person.organization =
                    m_tree.deepText(m_tree.path(assigned, L1("representedOrganization/name")));
                if (!person.name.isEmpty() || !person.software.isEmpty() ||
                    !person.organization.isEmpty())
                    header.authors.append(person);
            } else if (element == L1("custodian")) {
                header.custodian = m_tree.deepText(m_tree.path(
                    root, L1("assignedCustodian/representedCustodianOrganization/name")));
            } else if (element == L1("relatedDocument")) {
                if (m_tree.attr(root, L1("typeCode")) == L1("RPLC"))
                    header.replacesDocumentId =
                        values.identifier(m_tree.path(root, L1("parentDocument/id")));
            }
        }
    }

    void readPatient(const CcdaEntries &values)
    {
        ClinicalHeader &header = m_record.header;
        if (!header.patientName.isEmpty() || !header.patientIds.isEmpty())
            return; // a second recordTarget: the first patient is the document's subject
        const int role = m_tree.child(m_tree.root(), L1("patientRole"));
        for (int id = m_tree.child(role, L1("id")); id != None;
             id = m_tree.nextNamed(id, L1("id"))) {
            const QString identifier = values.identifier(id);
            if (!identifier.isEmpty())
                header.patientIds.append(identifier);
        }
        const int patient = m_tree.child(role, L1("patient"));
        header.patientName = values.personName(m_tree.child(patient, L1("name")));
        const QString birth = m_tree.attr(m_tree.child(patient, L1("birthTime")), L1("value"));
        if (!birth.isEmpty())
            header.patientBirthDate = CcdaEntries::isoTime(birth).left(10);
        const ClinicalCode gender =
            values.code(m_tree.child(patient, L1("administrativeGenderCode")));
        if (gender.code == L1("F"))
            header.patientGender = CcdaReader::tr("Female");
        else if (gender.code == L1("M"))
            header.patientGender = CcdaReader::tr("Male");
        else if (gender.code == L1("UN"))
            header.patientGender = CcdaReader::tr("Undifferentiated");
        else if (!gender.text().isEmpty())
            header.patientGender = gender.text();
        else if (!gender.nullFlavor.isEmpty())
            header.patientGender = CcdaReader::tr("Unknown");
    }

    //! A `component` (of the document, of structuredBody, or a fragment's root).
    void readComponent(QList<ClinicalSection> &into)
    {
        const int depth = m_stream.depth();
        for (;;) {
            const QXmlStreamReader::TokenType token = m_stream.next();
            if (!m_stream.within(token, depth))
                return;
            if (token != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_stream.name();
            if (name == u"section")
                into.append(readSection());
            else if (name == u"structuredBody")
                readBody(into);
            else if (name == u"nonXMLBody")
                readNonXmlBody();
            else
                m_stream.skip();
        }
    }

    void readBody(QList<ClinicalSection> &into)
    {
        const int depth = m_stream.depth();
        for (;;) {
            const QXmlStreamReader::TokenType token = m_stream.next();
            if (!m_stream.within(token, depth))
                return;
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (m_stream.name() == u"component")
                readComponent(into);
            else
                m_stream.skip();
        }
    }

    void readNonXmlBody()
    {
        m_tree.read(m_stream);
        const int text = m_tree.child(m_tree.root(), L1("text"));
        ClinicalAttachment attachment;
        attachment.title = m_record.header.title;
        attachment.mediaType = m_tree.attr(text, L1("mediaType"));
        const int reference = m_tree.child(text, L1("reference"));
        if (reference != None)
            attachment.reference = m_tree.attr(reference, L1("value"));
        if (m_tree.attr(text, L1("representation")).compare(L1("B64"), Qt::CaseInsensitive) == 0)
            attachment.data = QByteArray::fromBase64(m_tree.ownText(text).toLatin1());
        else if (reference == None)
            attachment.data = m_tree.ownText(text).trimmed().toUtf8();
        if (attachment.mediaType.isEmpty())
            attachment.mediaType = QStringLiteral("text/plain");
        if (attachment.data.isEmpty() && attachment.reference.isEmpty()) {
            m_record.notes.append(
                CcdaReader::tr("The document has an unstructured body with nothing in it."));
            return;
        }
        m_record.notes.append(
            attachment.reference.isEmpty()
                ? CcdaReader::tr("The document has no structured sections; its content (%1) is "
                                 "attached.")
                      .arg(attachment.mediaType)
                : CcdaReader::tr("The document has no structured sections; it refers to the file "
                                 "\"%1\", which is not fetched.")
                      .arg(attachment.reference));
        m_record.attachments.append(attachment);
    }

    ClinicalSection readSection()
    {
        ClinicalSection section;
        const int depth = m_stream.depth();
        QXmlStreamReader &reader = m_stream.reader();
        section.nullFlavor = reader.attributes().value(QLatin1StringView("nullFlavor")).toString();
        QStringList templates;
        QHash<QString, QString> ids;
        bool kindKnown = false;
        int unreadable = 0;
        for (;;) {
            const QXmlStreamReader::TokenType token = m_stream.next();
            if (!m_stream.within(token, depth))
                break;
            if (token != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_stream.name();
            if (name == u"templateId") {
                const QString root =
                    reader.attributes().value(QLatin1StringView("root")).toString();
                if (!root.isEmpty()) {
                    if (section.templateId.isEmpty())
                        section.templateId = root;
                    templates.append(root);
                }
                m_stream.skip();
            } else if (name == u"code") {
                m_tree.read(m_stream);
                section.code = CcdaEntries(m_tree, ids).code(m_tree.root());
            } else if (name == u"title") {
                m_tree.read(m_stream);
                section.title = m_tree.deepText(m_tree.root());
            } else if (name == u"text") {
                CcdaNarrative narrative;
                narrative.read(m_stream);
                section.narrativeHtml += narrative.html;
                if (!section.narrativeText.isEmpty() && !narrative.text.isEmpty())
                    section.narrativeText += u'\n';
                section.narrativeText += narrative.text;
                ids.insert(narrative.ids);
            } else if (name == u"entry") {
                if (!kindKnown) {
                    section.kind = CcdaEntries::sectionKind(section.code.code, templates);
                    kindKnown = true;
                }
                m_tree.read(m_stream);
                const qsizetype before = section.entries.size();
                CcdaEntries(m_tree, ids).read(section.kind, section.entries);
                for (qsizetype i = before; i < section.entries.size(); ++i) {
                    if (!section.entries.at(i).readable)
                        ++unreadable;
                }
            } else if (name == u"component") {
                readComponent(section.subsections);
            } else {
                m_stream.skip();
            }
        }
        if (!kindKnown)
            section.kind = CcdaEntries::sectionKind(section.code.code, templates);
        if (section.kind == ClinicalKind::Other) {
            // A section we do not know by code whose entries are all of one known kind
            // (admission medications, discharge diagnoses…) is shown as that kind.
            ClinicalKind common = ClinicalKind::Other;
            bool same = !section.entries.isEmpty();
            for (const ClinicalEntry &entry : std::as_const(section.entries)) {
                if (common == ClinicalKind::Other)
                    common = entry.kind;
                same = same && entry.kind == common && entry.kind != ClinicalKind::Other;
            }
            if (same)
                section.kind = common;
        }
        const QString title = section.title.isEmpty() ? section.code.text() : section.title;
        if (section.kind == ClinicalKind::Other && section.hasNarrative())
            m_record.notes.append(
                CcdaReader::tr("Section \"%1\" is not interpreted; its narrative is shown.")
                    .arg(title));
        if (unreadable > 0)
            m_record.notes.append(CcdaReader::tr("Section \"%1\": %2 of its entries could not be "
                                                 "read; their text is shown.")
                                      .arg(title)
                                      .arg(unreadable));
        return section;
    }

    CcdaStream &m_stream;
    ClinicalRecord &m_record;
    CcdaTree m_tree;
    const QHash<QString, QString> m_noIds;
};

} // namespace

ClinicalReadResult CcdaReader::read(const QByteArray &bytes)
{
    ClinicalReadResult result;
    result.record.format = ClinicalRecord::Format::Ccda;
    ClinicalReadError &error = result.error;
    if (bytes.size() > MaxBytes) {
        error.code = ClinicalReadError::Code::TooLarge;
        error.message = tr("The document is %1 MB; documents over %2 MB are not read.")
                            .arg(QString::number(double(bytes.size()) / (1024.0 * 1024.0), 'f', 1))
                            .arg(MaxBytes / (1024 * 1024));
        return result;
    }
    // The reader takes the bytes as they are: it handles a byte order mark and the declared
    // encoding itself (a QString would only be turned back into UTF-8 inside Qt 6.4).
    QXmlStreamReader reader;
    reader.setNamespaceProcessing(false);
    CcdaStream stream(reader, bytes);
    const QString rootName = Parser(stream, result.record).run();

    if (stream.stop() == CcdaStream::Stop::TooDeep) {
        error.code = ClinicalReadError::Code::TooDeep;
        error.message = tr("The document nests elements more than %1 levels deep (line %2); it "
                           "is not read.")
                            .arg(CcdaStream::MaxDepth)
                            .arg(reader.lineNumber());
    } else if (stream.stop() == CcdaStream::Stop::Dtd) {
        error.code = ClinicalReadError::Code::ForbiddenMarkup;
        error.message = tr("The document contains a document type declaration (<!DOCTYPE>) at "
                           "line %1; clinical documents may not carry one, so it is not read.")
                            .arg(reader.lineNumber());
    } else if (reader.hasError()) {
        const QString entity = forbiddenEntity(QString::fromUtf8(bytes), reader.characterOffset());
        if (!entity.isEmpty()) {
            error.code = ClinicalReadError::Code::ForbiddenMarkup;
            error.message = tr("The document uses the entity reference &%1; (line %2); only "
                               "XML's own entities are allowed, so it is not read.")
                                .arg(entity)
                                .arg(reader.lineNumber());
        } else {
            error.code = ClinicalReadError::Code::Malformed;
            error.message = tr("The document is not well-formed XML: %1 (line %2, column %3).")
                                .arg(reader.errorString())
                                .arg(reader.lineNumber())
                                .arg(reader.columnNumber());
        }
    } else if (rootName != L1("ClinicalDocument") && rootName != L1("section") &&
               rootName != L1("component")) {
        error.code = ClinicalReadError::Code::NotClinical;
        error.message =
            rootName.isEmpty()
                ? tr("The document is empty.")
                : tr("The document is XML but not a clinical document: its root element is <%1>, "
                     "not <ClinicalDocument>.")
                      .arg(rootName);
    }
    if (error.isError())
        result.record = ClinicalRecord();
    return result;
}
