// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

//! A value or an error message the UI can show (no exceptions across the store).
template<typename T> class StoreResult
{
public:
    StoreResult(T value)
        : m_value(std::move(value))
    {
    }
    static StoreResult failure(QString error)
    {
        StoreResult r;
        r.m_error = std::move(error);
        return r;
    }
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    StoreResult() = default;
    std::optional<T> m_value;
    QString m_error;
};
