// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinicdesk: the command people and scripts run. `conformance` runs here on Qt Core, the X12
// library and the claims' 835/837 readers alone, a small and quick process for folders of files
// and CI. Everything else (the window and the other commands) is the clinicdesk-app program
// beside this one, which this process becomes with the same arguments.
#include "services/claims/claimsconformance.h"
#include "services/clinical/clinicalconformance.h"
#include "services/x12/conformancerunner.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc >= 2 && std::strcmp(argv[1], "conformance") == 0) {
        QCoreApplication app(argc, argv);
        QTextStream out(stdout);
        if (argc != 3) {
            QTextStream(stderr) << "usage: clinicdesk conformance DIR" << Qt::endl;
            return 2;
        }
        // The verdict of each file is in the output; the status is non-zero only on a crash
        // or a hang. X12 first (with its own subtotal), then C-CDA and FHIR, then the total.
        const QString dir = QString::fromLocal8Bit(argv[2]);
        const ConformanceSummary x12 = ConformanceRunner::run(dir, out, ClaimsConformance::checks);
        const ClinicalConformance::Summary clinical = ClinicalConformance::run(dir, out);
        out << QStringLiteral("%1 passed, %2 failed (X12, C-CDA and FHIR)")
                   .arg(x12.passed + clinical.passed)
                   .arg(x12.failed + clinical.failed)
            << Qt::endl;
        return 0;
    }
    char self[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string path = length > 0 ? std::string(self, std::size_t(length)) : std::string(argv[0]);
    path = path.substr(0, path.rfind('/') + 1) + "clinicdesk-app";
    execv(path.c_str(), argv);
    std::fprintf(stderr, "clinicdesk: cannot start %s: %s\n", path.c_str(), std::strerror(errno));
    return 127;
}
