// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/networklink.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class MetriportClient;
class Store;

/*!
  Fetches the documents the network announced (rows of clinical_documents) at once, because
  their URLs expire in 60 s to 3 minutes: a document's fresh download URL is asked for and
  fetched in the same breath; consolidated data comes with its URL and is fetched while it
  lasts. The bytes are stored with their SHA-256 and what the reader found in them (the parser
  runs off the UI thread). A failed fetch is kept with its reason and tried again later (30 s,
  2 min, 10 min, 1 h, then by hand), so it is visible and nothing is lost.
 */
class DocumentFetcher : public QObject
{
    Q_OBJECT
public:
    //! What the reader found in a document, as JSON text (counts per kind); runs on a worker.
    using Parser = std::function<QString(const ClinicalDocument &document, const QByteArray &bytes)>;

    static constexpr int maxInFlight = 2;
    static constexpr int maxAutomaticAttempts = 5;

    DocumentFetcher(Store *store, MetriportClient *client, QObject *parent = nullptr);
    ~DocumentFetcher() override;

    void setParser(Parser parser) { m_parser = std::move(parser); }
    //! Looks for due rows and fetches them (also every minute once started).
    void fetchDue();
    void start();
    bool isBusy() const { return !m_inFlight.isEmpty() || m_looking; }

    //! When the next automatic attempt after `attempts` failures is due; invalid: none.
    static QDateTime nextAttempt(int attempts, const QDateTime &now);

Q_SIGNALS:
    void documentStored(qint64 patientId, qint64 documentId);
    void documentFailed(qint64 patientId, qint64 documentId, const QString &error);
    //! Nothing is due or in flight any more.
    void idle();

private:
    void fetch(const ClinicalDocument &document);
    void download(const ClinicalDocument &document, const QUrl &url);
    void finishOne(const ClinicalDocument &document, const QString &error);
    void keep(const ClinicalDocument &document, const QByteArray &bytes);

    Store *m_store;
    MetriportClient *m_client;
    Parser m_parser;
    QSet<qint64> m_inFlight;
    bool m_looking = false;
    bool m_lookAgain = false;
    QTimer m_timer;
};
