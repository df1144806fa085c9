// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class CcdaStream;

/*!
  One C-CDA element (an entry, a header part) held as a small tree, so the rules that read an
  allergy or a result can look at children in any order. Built from the shared stream, reused
  from one entry to the next; names are interned so building it copies only attribute values
  and text.
 */
class CcdaTree
{
public:
    static constexpr int None = -1;

    //! Reads the element the stream has just opened, up to and including its end.
    void read(CcdaStream &stream);
    void clear();

    int root() const { return m_nodes.empty() ? None : 0; }
    const QString &name(int node) const;
    //! The attribute by local name ("type" also finds "xsi:type"); empty when absent.
    const QString &attr(int node, QLatin1StringView name) const;
    bool hasAttr(int node, QLatin1StringView name) const;
    //! The node's own text (not its children's).
    const QString &ownText(int node) const;
    //! All text inside the node, whitespace collapsed.
    QString deepText(int node) const;

    int firstChild(int node) const { return node == None ? None : m_nodes[node].firstChild; }
    int nextSibling(int node) const { return node == None ? None : m_nodes[node].next; }
    int parent(int node) const { return node == None ? None : m_nodes[node].parent; }
    //! The first child named `name`, or None.
    int child(int node, QLatin1StringView name) const;
    //! The next sibling of `node` with the same name as `name`, or None.
    int nextNamed(int node, QLatin1StringView name) const;
    //! Follows a path of child names ("consumable/manufacturedProduct/manufacturedMaterial/code").
    int path(int node, QLatin1StringView slashSeparated) const;
    //! True when a templateId child has this root.
    bool hasTemplate(int node, QLatin1StringView root) const;
    //! The first descendant (depth first, `node` excluded) carrying the template, or None.
    int findTemplate(int node, QLatin1StringView root) const;

private:
    struct Node
    {
        int nameIndex = 0;
        int parent = None;
        int firstChild = None;
        int lastChild = None;
        int next = None;
        int attrBegin = 0;
        int attrEnd = 0;
        QString text;
    };
    struct Attr
    {
        int nameIndex;
        QString value;
    };
    int intern(QStringView name);

    std::vector<Node> m_nodes;
    std::vector<Attr> m_attrs;
    // Interned names: the table maps a name to its index in m_names; names survive clear().
    // m_kept says, by name, whether an attribute of that name is kept (the rules read few).
    QStringList m_names;
    std::vector<bool> m_kept;
    QHash<QStringView, int> m_nameIndex;
};
