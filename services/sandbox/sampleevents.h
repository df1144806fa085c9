// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

/*!
  Training only: asks the in-process sandbox to send the hub a few signed sample webhooks (a
  claim paid by the payor, documents and network-query results from Metriport), so a trainee
  sees the live feed, the notifications and the event log work end to end.
 */
class SampleEvents : public QObject
{
    Q_OBJECT
public:
    SampleEvents(QNetworkAccessManager *network, QUrl sandboxUrl, QObject *parent = nullptr);

    void send();

Q_SIGNALS:
    //! The sandbox accepted the requests; the events reach the hub in the next moments.
    void sent(int count);
    void failed(const QString &error);

private:
    QNetworkAccessManager *m_network;
    QUrl m_sandboxUrl;
};
