// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/job.h"

#include <QCoreApplication>

Job::Job(QObject *parent)
    : QObject(parent)
{
}

Job::~Job() = default;

void Job::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    doStart();
}

void Job::cancel()
{
    if (m_finished)
        return;
    doCancel();
    finish(Error::Cancelled);
}

QString Job::errorString() const
{
    if (m_error == Error::NoError || m_error == Error::Cancelled)
        return {};
    return m_errorText.isEmpty() ? defaultErrorString(m_error) : m_errorText;
}

void Job::finish(Error error, const QString &errorText)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorText = errorText;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

QString Job::defaultErrorString(Error error)
{
    switch (error) {
    case Error::NoError:
    case Error::Cancelled:
        return {};
    case Error::Timeout:
        return QCoreApplication::translate("Job", "There was no answer in time. Try again in a few "
                                                  "minutes.");
    case Error::NetworkError:
        return QCoreApplication::translate("Job", "The server could not be reached. Check the "
                                                  "network connection.");
    case Error::ServerError:
        return QCoreApplication::translate("Job", "The server had a problem. Try again in a few "
                                                  "minutes.");
    case Error::Busy:
        return QCoreApplication::translate("Job", "The server is busy. Try again in a few "
                                                  "minutes.");
    case Error::HttpError:
        return QCoreApplication::translate("Job", "The server refused the request.");
    case Error::TooLarge:
        return QCoreApplication::translate("Job", "The answer was larger than ClinicDesk accepts.");
    case Error::InvalidResponse:
        return QCoreApplication::translate("Job", "The answer could not be read.");
    case Error::Rejected:
        return QCoreApplication::translate("Job", "The request was refused. Correct it before "
                                                  "sending it again.");
    case Error::InvalidRequest:
        return QCoreApplication::translate("Job", "The request could not be made: information is "
                                                  "missing.");
    case Error::StorageError:
        return QCoreApplication::translate("Job", "The local database could not be read or "
                                                  "written.");
    case Error::NotPermitted:
        return QCoreApplication::translate("Job", "Your role may not do this.");
    }
    return {};
}
