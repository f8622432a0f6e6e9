package dev.wsjs.websocket.http2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes HPACK header blocks (RFC 7541): indexed fields, literals with incremental indexing,
 * without indexing and never indexed, dynamic table size updates, Huffman strings. One instance
 * per connection (the dynamic table is connection state); used by the connection's reader thread only.
 *
 * <p>Octets become chars one to one (ISO-8859-1), so every header survives decoding unchanged.
 */
final class HpackDecoder {

    /** Newest entry first: dynamic index 62 is {@code table.peekFirst()}. */
    private final ArrayDeque<HeaderField> table = new ArrayDeque<>();
    /** SETTINGS_HEADER_TABLE_SIZE this endpoint advertised: the bound on size updates. */
    private final int maxTableSizeLimit;
    private final int maxHeaderListSize;
    private int maxTableSize;
    private int tableSize;

    HpackDecoder(int headerTableSize, int maxHeaderListSize) {
        this.maxTableSizeLimit = headerTableSize;
        this.maxTableSize = headerTableSize;
        this.maxHeaderListSize = maxHeaderListSize;
    }

    /** Decodes one complete header block (HEADERS plus its CONTINUATIONs, padding removed). */
    List<HeaderField> decode(byte[] block) throws Http2Exception {
        List<HeaderField> fields = new ArrayList<>();
        Cursor in = new Cursor(block);
        long listSize = 0;
        boolean fieldSeen = false;
        while (in.hasMore()) {
            int b = in.peek();
            HeaderField field;
            if ((b & 0x80) != 0) {
                // Section 6.1: indexed header field, 7-bit prefix index.
                int index = in.integer(7);
                if (index == 0) throw error("indexed header field with index 0");
                field = entry(index);
            } else if ((b & 0xc0) == 0x40) {
                // Section 6.2.1: literal with incremental indexing, 6-bit prefix name index.
                field = literal(in, 6);
                add(field);
            } else if ((b & 0xe0) == 0x20) {
                // Section 6.3: dynamic table size update; only at the start of a block (section 4.2).
                if (fieldSeen) throw error("table size update after a header field");
                int size = in.integer(5);
                if (size > maxTableSizeLimit) {
                    throw error("table size update to " + size + " over the advertised " + maxTableSizeLimit);
                }
                maxTableSize = size;
                evictTo(maxTableSize);
                continue;
            } else {
                // Sections 6.2.2 and 6.2.3: without indexing (0000) or never indexed (0001), 4-bit prefix.
                field = literal(in, 4);
            }
            fieldSeen = true;
            listSize += field.hpackSize();
            if (listSize > maxHeaderListSize) {
                throw new Http2Exception(Http2Exception.PROTOCOL_ERROR, "header list over " + maxHeaderListSize + " bytes");
            }
            fields.add(field);
        }
        return fields;
    }

    /** Current dynamic table size in the section 4.1 sense (for tests). */
    int tableSize() {
        return tableSize;
    }

    private HeaderField literal(Cursor in, int prefixBits) throws Http2Exception {
        int nameIndex = in.integer(prefixBits);
        String name = nameIndex == 0 ? in.string() : entry(nameIndex).name();
        return new HeaderField(name, in.string());
    }

    /** Section 2.3.3: 1..61 static, 62.. dynamic (newest first). */
    private HeaderField entry(int index) throws Http2Exception {
        if (index <= HpackStaticTable.LENGTH) {
            return HpackStaticTable.ENTRIES[index];
        }
        int dynamic = index - HpackStaticTable.LENGTH - 1;
        if (dynamic >= table.size()) throw error("index " + index + " beyond the tables");
        int i = 0;
        for (HeaderField f : table) {
            if (i++ == dynamic) return f;
        }
        throw error("index " + index + " beyond the tables");
    }

    /** Section 4.4: evict from the end until the new entry fits; an entry bigger than the table empties it. */
    private void add(HeaderField field) {
        int size = field.hpackSize();
        if (size > maxTableSize) {
            table.clear();
            tableSize = 0;
            return;
        }
        evictTo(maxTableSize - size);
        table.addFirst(field);
        tableSize += size;
    }

    private void evictTo(int limit) {
        while (tableSize > limit) {
            tableSize -= table.removeLast().hpackSize();
        }
    }

    private static Http2Exception error(String message) {
        return new Http2Exception(Http2Exception.COMPRESSION_ERROR, message);
    }

    /** Reads the representations of section 5 from a header block. */
    private static final class Cursor {
        private final byte[] data;
        private int pos;

        Cursor(byte[] data) {
            this.data = data;
        }

        boolean hasMore() {
            return pos < data.length;
        }

        int peek() {
            return data[pos] & 0xff;
        }

        private int next() throws Http2Exception {
            if (pos >= data.length) throw error("header block ends inside a field");
            return data[pos++] & 0xff;
        }

        /** Section 5.1: an N-bit prefix integer; values beyond an int are refused. */
        int integer(int prefixBits) throws Http2Exception {
            int max = (1 << prefixBits) - 1;
            int value = next() & max;
            if (value < max) return value;
            int shift = 0;
            while (true) {
                int b = next();
                if (shift > 28 || (shift == 28 && (b & 0x7f) > 7)) throw error("integer overflow");
                value += (b & 0x7f) << shift;
                if (value < 0) throw error("integer overflow");
                shift += 7;
                if ((b & 0x80) == 0) return value;
            }
        }

        /** Section 5.2: H flag, 7-bit prefix length, octets (Huffman-coded if H). */
        String string() throws Http2Exception {
            boolean huffman = (peek() & 0x80) != 0;
            int length = integer(7);
            if (length > data.length - pos) throw error("string longer than the header block");
            int start = pos;
            pos += length;
            if (huffman) {
                byte[] decoded = Huffman.decode(data, start, length);
                return new String(decoded, StandardCharsets.ISO_8859_1);
            }
            return new String(data, start, length, StandardCharsets.ISO_8859_1);
        }
    }
}
