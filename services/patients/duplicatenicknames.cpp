// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/patients/duplicatenicknames.h"

#include <QHash>

#include <string_view>

namespace {
struct NameGroup
{
    std::string_view formal;
    std::string_view nicknames; // separated by spaces
};

// Written for this project from common usage; one formal name per row, its short forms after.
constexpr NameGroup nameGroups[] = {
    {"abigail", "abby abbie gail"},
    {"abraham", "abe"},
    {"albert", "al bert bertie"},
    {"alexander", "alex al sandy xander"},
    {"alexandra", "alex sandra sandy lexi"},
    {"alfred", "al alfie fred"},
    {"allison", "allie ally"},
    {"andrew", "andy drew"},
    {"angela", "angie"},
    {"anthony", "tony"},
    {"barbara", "barb barbie babs"},
    {"benjamin", "ben benny benji"},
    {"beverly", "bev"},
    {"bradley", "brad"},
    {"calvin", "cal"},
    {"caroline", "carrie carol"},
    {"catherine", "cathy cat kate katie"},
    {"charles", "charlie chuck chas chip"},
    {"charlotte", "charlie lottie"},
    {"christina", "chris tina christy"},
    {"christine", "chris tina christy"},
    {"christopher", "chris kit topher"},
    {"clifford", "cliff"},
    {"cynthia", "cindy"},
    {"daniel", "dan danny"},
    {"david", "dave davey"},
    {"deborah", "deb debbie debby"},
    {"dennis", "denny"},
    {"donald", "don donny"},
    {"dorothy", "dot dottie dolly"},
    {"douglas", "doug"},
    {"edward", "ed eddie ted ned"},
    {"eleanor", "ellie nell nora"},
    {"elizabeth", "liz lizzie beth betsy betty eliza libby lisa"},
    {"emily", "em emmy"},
    {"eugene", "gene"},
    {"frances", "fran frannie"},
    {"francis", "frank fran"},
    {"frederick", "fred freddie"},
    {"gabriel", "gabe"},
    {"gerald", "jerry gerry"},
    {"gregory", "greg"},
    {"harold", "hal harry"},
    {"henry", "hank harry hal"},
    {"jacob", "jake"},
    {"james", "jim jimmy jamie"},
    {"janet", "jan"},
    {"jeffrey", "jeff"},
    {"jennifer", "jen jenny jenn"},
    {"jessica", "jess jessie"},
    {"john", "jack johnny jon"},
    {"jonathan", "jon johnny nathan"},
    {"joseph", "joe joey"},
    {"joshua", "josh"},
    {"judith", "judy jude"},
    {"katherine", "kate kathy katie kat kay"},
    {"kathleen", "kathy kate katie"},
    {"kenneth", "ken kenny"},
    {"kimberly", "kim"},
    {"lawrence", "larry"},
    {"leonard", "leo len lenny"},
    {"louis", "lou"},
    {"margaret", "peggy maggie meg marge margie greta"},
    {"martha", "marty mattie patsy"},
    {"matthew", "matt"},
    {"megan", "meg"},
    {"michael", "mike mikey mick"},
    {"mitchell", "mitch"},
    {"nancy", "nan"},
    {"nathaniel", "nate nat nathan"},
    {"nicholas", "nick nicky"},
    {"nicole", "nikki"},
    {"pamela", "pam"},
    {"patricia", "pat patty trish tricia"},
    {"patrick", "pat paddy"},
    {"peter", "pete"},
    {"philip", "phil"},
    {"rebecca", "becky becca"},
    {"richard", "rick ricky rich dick"},
    {"robert", "bob bobby rob robbie bert"},
    {"ronald", "ron ronnie"},
    {"samantha", "sam sammy"},
    {"samuel", "sam sammy"},
    {"sandra", "sandy"},
    {"stephanie", "steph"},
    {"stephen", "steve stevie"},
    {"steven", "steve stevie"},
    {"susan", "sue susie suzy"},
    {"theodore", "ted teddy theo"},
    {"thomas", "tom tommy"},
    {"timothy", "tim timmy"},
    {"victoria", "vicky tori"},
    {"vincent", "vince vinny"},
    {"virginia", "ginny ginger"},
    {"walter", "walt wally"},
    {"william", "bill billy will willie liam"},
    {"zachary", "zach zack"},
};

//! Every known name (formal or short) → the formal names it stands for.
const QHash<QString, QStringList> &index()
{
    static const QHash<QString, QStringList> byName = [] {
        QHash<QString, QStringList> names;
        for (const NameGroup &group : nameGroups) {
            const QString formal = QString::fromLatin1(group.formal.data(), group.formal.size());
            names[formal].append(formal);
            const QString shorts =
                QString::fromLatin1(group.nicknames.data(), group.nicknames.size());
            for (const QString &nickname : shorts.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (!names[nickname].contains(formal))
                    names[nickname].append(formal);
            }
        }
        return names;
    }();
    return byName;
}
} // namespace

QStringList DuplicateNicknames::formalNamesOf(const QString &name)
{
    return index().value(name);
}

QString DuplicateNicknames::sharedFormalName(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty() || a == b)
        return {};
    const QStringList formalA = formalNamesOf(a);
    const QStringList formalB = formalNamesOf(b);
    for (const QString &formal : formalA) {
        if (formalB.contains(formal))
            return formal;
    }
    return {};
}
