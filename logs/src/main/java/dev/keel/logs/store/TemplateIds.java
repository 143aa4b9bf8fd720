package dev.keel.logs.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct templates of a page and their ids, looked up by the content of the template being built, so a
 * repeated template (nearly every message of a page) costs no {@code String}: only a new template is turned into one.
 *
 * <p>How it is designed, and why: a profile of sealing showed each message's template copied out of its
 * {@code StringBuilder} and hashed over all its characters only to find the id it already had. Here the hash reads the
 * length and at most the first and last 32 characters (templates of one page differ early or late: the format
 * string's words), an open-addressing table with linear probing finds candidates, and
 * {@link String#contentEquals(CharSequence)} confirms one. Templates that collide on the sampled characters only probe
 * further; the result never depends on the hash.
 *
 * <p>Not thread-safe: one per page being encoded.
 */
final class TemplateIds {

    private static final int SAMPLED = 32;

    private final List<String> templates = new ArrayList<>();
    private String[] keys = new String[64];
    private int[] hashes = new int[64];
    private int[] ids = new int[64];

    /** The id of {@code template}'s text (ids count up from 0 in order of first sight), adding it if it is new. */
    int idOf(CharSequence template) {
        int hash = hash(template);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && keys[slot].contentEquals(template)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        int id = templates.size();
        String text = template.toString();
        templates.add(text);
        keys[slot] = text;
        hashes[slot] = hash;
        ids[slot] = id;
        if (templates.size() * 2 > keys.length) {
            grow();
        }
        return id;
    }

    /** Every template, by id. */
    List<String> templates() {
        return templates;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int hash(CharSequence text) {
        int length = text.length();
        int hash = length;
        int head = Math.min(length, SAMPLED);
        for (int i = 0; i < head; i++) {
            hash = hash * 31 + text.charAt(i);
        }
        for (int i = Math.max(head, length - SAMPLED); i < length; i++) {
            hash = hash * 31 + text.charAt(i);
        }
        return hash ^ (hash >>> 16);
    }
}
