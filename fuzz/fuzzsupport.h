// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the fuzz targets (fuzz/<target>.cpp). Each target is one LLVMFuzzerTestOneInput:
// under libFuzzer (scripts/fuzz, the clang build in build-fuzz/) and, renamed, in the replay
// test of the normal build (fuzz/replaymain.cpp), which feeds it the seeds and the crashes kept.

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

//! An invariant of the code under test: when it does not hold, the input found a logic bug,
//! so the run aborts like a memory error would (libFuzzer keeps the input as a crash).
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #condition, __FILE__,     \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace Fuzz {

//! The input as a QByteArray that owns its bytes (the readers may keep views into it).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

//! Splits one input into parts the same way every time: take() gives the bytes up to the next
//! separator (or all that is left), rest() what remains. Lets one flat input drive a function
//! with several arguments while the mutator still sees plain text.
class Parts
{
public:
    explicit Parts(QByteArrayView input)
        : m_rest(input)
    {
    }

    QByteArray take(char separator = '\n')
    {
        const qsizetype at = m_rest.indexOf(separator);
        if (at < 0)
            return std::exchange(m_rest, {}).toByteArray();
        const QByteArray part = m_rest.first(at).toByteArray();
        m_rest = m_rest.sliced(at + 1);
        return part;
    }
    QByteArray rest() const { return m_rest.toByteArray(); }

private:
    QByteArrayView m_rest;
};

} // namespace Fuzz
