// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

class CcdaStream;

/*!
  A section's narrative block (`<text>`) turned into the safe HTML subset the viewer shows, its
  plain words, and the words of every element that carries an ID, so an entry's
  `<reference value="#id"/>` reads as text.

  Only p, br, table parts, lists, b/i/u, sub/sup and span (with a class from styleCode) come
  out; colspan and rowspan are the only attributes carried. Links are shown as their text,
  multimedia is dropped, an unknown element gives its text, escaped. Nothing is fetched.
 */
class CcdaNarrative
{
public:
    QString html;
    QString text;
    //! ID attribute → the element's words, whitespace collapsed.
    QHash<QString, QString> ids;

    //! Reads the `<text>` element the stream has just opened, up to its end.
    void read(CcdaStream &stream);
    //! Escapes text for HTML (&, <, >, ").
    static void appendEscaped(QString &html, QStringView text);
};
