// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// tst_fuzz_replay: the fuzz targets of the normal build, without libFuzzer. Feeds every file of
// the given folders to a target once, so that the seeds, the fixtures and every crash the
// fuzzers ever found (tests/data/fuzz/<target>/) are run by ctest: a reproducer that crashes or
// breaks an invariant aborts this program.
//
//   tst_fuzz_replay --target NAME PATH... [--target NAME PATH...]...
//
// A PATH is a file or a folder (read recursively); one that does not exist is skipped, but a
// target that gets no input at all is an error (its paths are wrong).

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#define CLINICDESK_FUZZ_TARGET(name) extern "C" int clinicdeskFuzz_##name(const uint8_t *, size_t);
#include "fuzztargets.inc"
#undef CLINICDESK_FUZZ_TARGET

namespace {

using Target = int (*)(const uint8_t *, size_t);

const std::map<std::string, Target> &targets()
{
    static const std::map<std::string, Target> all = {
#define CLINICDESK_FUZZ_TARGET(name) {#name, clinicdeskFuzz_##name},
#include "fuzztargets.inc"
#undef CLINICDESK_FUZZ_TARGET
    };
    return all;
}

QStringList filesUnder(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return {path};
    QStringList files;
    if (!info.isDir())
        return files;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort(); // the same order every run
    return files;
}

//! Runs one target over its paths; the number of inputs run, -1 when a file cannot be read.
int replay(const std::string &name, Target target, const QStringList &paths)
{
    int count = 0;
    for (const QString &path : paths) {
        for (const QString &file : filesUnder(path)) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: cannot read %s\n", name.c_str(), qPrintable(file));
                return -1;
            }
            const QByteArray bytes = in.readAll();
            // Named first, so that the input is known when the target aborts.
            std::fprintf(stderr, "%s: %s\n", name.c_str(), qPrintable(file));
            std::fflush(stderr);
            target(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
            ++count;
        }
    }
    return count;
}

} // namespace

int main(int argc, char **argv)
{
    std::map<std::string, QStringList> plan;
    std::string current;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--target" && i + 1 < argc) {
            current = argv[++i];
            if (!targets().count(current)) {
                std::fprintf(stderr, "unknown target %s\n", current.c_str());
                return 2;
            }
            plan[current];
        } else if (!current.empty()) {
            plan[current].append(QString::fromLocal8Bit(argv[i]));
        } else {
            std::fprintf(stderr, "usage: %s --target NAME PATH... [--target NAME PATH...]\n",
                         argv[0]);
            return 2;
        }
    }
    if (plan.empty()) {
        std::fprintf(stderr, "no target given\n");
        return 2;
    }
    int failures = 0;
    for (const auto &[name, paths] : plan) {
        const int count = replay(name, targets().at(name), paths);
        if (count <= 0) {
            std::fprintf(stderr, "FAIL %s: no input replayed\n", name.c_str());
            ++failures;
        } else {
            std::printf("PASS %s: %d inputs replayed\n", name.c_str(), count);
        }
    }
    return failures == 0 ? 0 : 1;
}
