// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/ccdatree.h"

#include "services/clinical/ccdastream.h"

namespace {

const QString &emptyString()
{
    static const QString empty;
    return empty;
}

void appendCollapsed(QString &out, QStringView text)
{
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (!out.isEmpty() && !out.endsWith(u' '))
                out.append(u' ');
        } else {
            out.append(c);
        }
    }
}

} // namespace

int CcdaTree::intern(QStringView name)
{
    const auto found = m_nameIndex.constFind(name);
    if (found != m_nameIndex.constEnd())
        return found.value();
    static const char16_t *const keptAttributes[] = {
        u"code", u"codeSystem", u"displayName", u"nullFlavor",     u"value",
        u"unit", u"type",       u"negationInd", u"moodCode",       u"typeCode",
        u"root", u"extension",  u"mediaType",   u"representation",
    };
    bool kept = false;
    for (const char16_t *attribute : keptAttributes)
        kept = kept || name == QStringView(attribute);
    m_names.append(name.toString());
    m_kept.push_back(kept);
    const int index = int(m_names.size()) - 1;
    // The key views the string kept in m_names, which is never changed after.
    m_nameIndex.insert(QStringView(m_names.at(index)), index);
    return index;
}

void CcdaTree::clear()
{
    m_nodes.clear();
    m_attrs.clear();
}

void CcdaTree::read(CcdaStream &stream)
{
    clear();
    QXmlStreamReader &reader = stream.reader();
    int current = None;
    const int startDepth = stream.depth();
    auto open = [&] {
        Node node;
        node.nameIndex = intern(stream.name());
        node.parent = current;
        node.attrBegin = int(m_attrs.size());
        const QXmlStreamAttributes attributes = reader.attributes();
        for (const QXmlStreamAttribute &attribute : attributes) {
            const int nameIndex = intern(CcdaStream::localName(attribute.qualifiedName()));
            if (m_kept[nameIndex])
                m_attrs.push_back(Attr{nameIndex, attribute.value().toString()});
        }
        node.attrEnd = int(m_attrs.size());
        const int index = int(m_nodes.size());
        m_nodes.push_back(std::move(node));
        if (current != None) {
            Node &parentNode = m_nodes[current];
            if (parentNode.lastChild == None)
                parentNode.firstChild = index;
            else
                m_nodes[parentNode.lastChild].next = index;
            parentNode.lastChild = index;
        }
        current = index;
    };
    open();
    for (;;) {
        const QXmlStreamReader::TokenType token = stream.next();
        if (!stream.within(token, startDepth))
            return;
        switch (token) {
        case QXmlStreamReader::StartElement: {
            // Who wrote or told an entry is not read: skip those subtrees without building them.
            const QStringView name = stream.name();
            if (name == u"author" || name == u"informant") {
                stream.skip();
                break;
            }
            open();
            break;
        }
        case QXmlStreamReader::EndElement:
            current = m_nodes[current].parent;
            break;
        case QXmlStreamReader::Characters:
            if (!reader.isWhitespace())
                m_nodes[current].text.append(reader.text());
            else if (!m_nodes[current].text.isEmpty())
                m_nodes[current].text.append(u' ');
            break;
        default:
            break;
        }
    }
}

const QString &CcdaTree::name(int node) const
{
    return node == None ? emptyString() : m_names.at(m_nodes[node].nameIndex);
}

const QString &CcdaTree::attr(int node, QLatin1StringView wanted) const
{
    if (node == None)
        return emptyString();
    const Node &n = m_nodes[node];
    for (int i = n.attrBegin; i < n.attrEnd; ++i) {
        if (m_names.at(m_attrs[i].nameIndex) == wanted)
            return m_attrs[i].value;
    }
    return emptyString();
}

bool CcdaTree::hasAttr(int node, QLatin1StringView wanted) const
{
    if (node == None)
        return false;
    const Node &n = m_nodes[node];
    for (int i = n.attrBegin; i < n.attrEnd; ++i) {
        if (m_names.at(m_attrs[i].nameIndex) == wanted)
            return true;
    }
    return false;
}

const QString &CcdaTree::ownText(int node) const
{
    return node == None ? emptyString() : m_nodes[node].text;
}

QString CcdaTree::deepText(int node) const
{
    QString out;
    if (node == None)
        return out;
    // Depth first without recursion: the tree may be as deep as the stream allowed.
    int n = node;
    while (n != None) {
        if (!out.isEmpty() && !out.endsWith(u' '))
            out.append(u' ');
        appendCollapsed(out, m_nodes[n].text);
        if (m_nodes[n].firstChild != None) {
            n = m_nodes[n].firstChild;
            continue;
        }
        while (n != None && n != node && m_nodes[n].next == None)
            n = m_nodes[n].parent;
        if (n == None || n == node)
            break;
        n = m_nodes[n].next;
    }
    return out.trimmed();
}

int CcdaTree::child(int node, QLatin1StringView wanted) const
{
    for (int c = firstChild(node); c != None; c = m_nodes[c].next) {
        if (m_names.at(m_nodes[c].nameIndex) == wanted)
            return c;
    }
    return None;
}

int CcdaTree::nextNamed(int node, QLatin1StringView wanted) const
{
    for (int c = nextSibling(node); c != None; c = m_nodes[c].next) {
        if (m_names.at(m_nodes[c].nameIndex) == wanted)
            return c;
    }
    return None;
}

int CcdaTree::path(int node, QLatin1StringView slashSeparated) const
{
    int current = node;
    qsizetype from = 0;
    while (current != None && from <= slashSeparated.size()) {
        qsizetype slash = slashSeparated.indexOf(u'/', from);
        if (slash < 0)
            slash = slashSeparated.size();
        current = child(current, slashSeparated.sliced(from, slash - from));
        from = slash + 1;
    }
    return current;
}

bool CcdaTree::hasTemplate(int node, QLatin1StringView root) const
{
    for (int c = child(node, QLatin1StringView("templateId")); c != None;
         c = nextNamed(c, QLatin1StringView("templateId"))) {
        if (attr(c, QLatin1StringView("root")) == root)
            return true;
    }
    return false;
}

int CcdaTree::findTemplate(int node, QLatin1StringView root) const
{
    if (node == None)
        return None;
    const int end = node + 1 < int(m_nodes.size()) ? int(m_nodes.size()) : node + 1;
    // Nodes are stored in document order, so a node's descendants follow it contiguously.
    for (int n = node + 1; n < end; ++n) {
        int up = m_nodes[n].parent;
        while (up != None && up > node)
            up = m_nodes[up].parent;
        if (up != node)
            break;
        if (name(n) == QLatin1StringView("templateId") &&
            attr(n, QLatin1StringView("root")) == root)
            return m_nodes[n].parent;
    }
    return None;
}
