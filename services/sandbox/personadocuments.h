// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSize>
#include <QString>

#include <optional>

//! One of Metriport's sandbox personas: a sandbox patient whose first name is one of these gets
//! the persona's documents.
struct Persona
{
    QString key; //!< lower-case first name: "jane", "chris", "ollie", "andreas", "kyla"
    QString firstName;
    QString lastName;
    QDate birthDate;
    QString genderAtBirth; //!< "F" or "M", as Metriport writes it
    QString condition;     //!< what the persona's records are about, in a few words
};

//! A document the simulated Metriport hands out for a persona.
struct PersonaDocument
{
    QString id;          //!< stable across calls and runs (a UUID derived from persona + index)
    QString fileName;    //!< e.g. "kyla-ccd.xml", "kyla-lab-report.pdf"
    QString description; //!< a title for people, e.g. "Laboratory report"
    QString mimeType;    //!< "application/xml", "application/pdf", "image/png", "image/jpeg"
    QByteArray content;
    qint64 size = 0;     //!< content.size(), kept apart for listings that carry no content
    QDateTime indexed;   //!< when the network indexed it (UTC)
    QString typeCode;    //!< LOINC document type, e.g. "11502-2"
    QString typeDisplay; //!< e.g. "Laboratory report"
    QSize imageSize;     //!< images only: their width and height in pixels
};

/*!
  The documents of Metriport's sandbox personas (Jane, Chris, Ollie, Andreas, Kyla): for each,
  one C-CDA written for this project (from the resources), three PDFs printed with QPrinter
  (discharge summary, lab report, referral letter) and two images painted with QPainter (an ECG
  strip as PNG, a clinical photograph placeholder as JPEG).

  The PDFs and images are made the first time a persona's documents are asked for and kept;
  that needs a QGuiApplication (fonts). Without one only the C-CDA is returned. Safe to call from
  any thread; the first call for a persona takes a few hundred milliseconds.
 */
class PersonaDocuments
{
public:
    //! The persona with this first name (case-insensitive, surrounding spaces ignored).
    static std::optional<Persona> persona(const QString &firstName);
    static bool isPersona(const QString &firstName) { return persona(firstName).has_value(); }
    static QList<Persona> personas();

    //! The persona's C-CDA (UTF-8 XML), or empty when the name is no persona's.
    static QByteArray ccda(const QString &firstName);

    //! Every document of the persona with this first name (none for anyone else): the C-CDA
    //! first, then the PDFs, then the images.
    QList<PersonaDocument> documents(const QString &firstName);
    //! The document with this id, among every persona's.
    std::optional<PersonaDocument> document(const QString &id);

private:
    QList<PersonaDocument> build(const Persona &persona) const;

    QMutex m_mutex;
    QHash<QString, QList<PersonaDocument>> m_cache; // by persona key
};
