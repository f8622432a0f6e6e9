package dev.wsjs.websocket.http2;

import java.io.ByteArrayOutputStream;

/**
 * The HPACK Huffman code (RFC 7541 section 5.2, Appendix B), decoding only: this client's encoder
 * never Huffman-codes, but servers usually do.
 *
 * <p>The code of Appendix B is canonical: sorting the 257 symbols by (code length, symbol) and
 * counting up gives exactly the codes listed there. So the table below holds only the code length
 * of each symbol, one letter per symbol ({@code 'A'} = 5 bits … {@code 'Z'} = 30 bits), and the
 * codes are derived from it once.
 */
final class Huffman {

    /** Code lengths of symbols 0..256 (256 is EOS), RFC 7541 Appendix B. */
    private static final String LENGTHS =
            "ISXXXXXXXTZXXZXXXXXXXXZXXXXXXXXXBFFHIBDGFFDGDBBBAAABBBBBBBCDKBHFIBCCCCCCCCCCCCCCCCCCCCCCDCDIOIJBKABAB"
            + "ABBBACCBBBABCBAABCCCCCKGJIXPRPPRRRSRSSSSSTSTTRSTSSSSQRSRSSTRQPRRSSQSRRTQRSSQQRQSRSSPRRRSRRSVVPORSRUVV"
            + "VWWVTUOQVWWVWTQQVVXWWWPTPQRQQSRRUUTTVSVWVVWWWWWXWWWWWVZ";
    static final int EOS = 256;

    /**
     * The decoding trie: node {@code n} has children {@code TRIE[2n]} (bit 0) and {@code TRIE[2n+1]}
     * (bit 1); a child {@code >= 0} is another node, a child {@code < 0} is the leaf {@code -1 - symbol}.
     */
    private static final int[] TRIE = buildTrie();

    private Huffman() {}

    static int codeLength(int symbol) {
        return LENGTHS.charAt(symbol) - 'A' + 5;
    }

    /** The codes of all 257 symbols, by the canonical construction. */
    static int[] codes() {
        Integer[] order = new Integer[257];
        for (int i = 0; i < 257; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> codeLength(a) != codeLength(b)
                ? Integer.compare(codeLength(a), codeLength(b)) : Integer.compare(a, b));
        int[] codes = new int[257];
        int code = 0;
        for (int i = 0; i < 257; i++) {
            int symbol = order[i];
            if (i > 0) {
                code = (code + 1) << (codeLength(symbol) - codeLength(order[i - 1]));
            }
            codes[symbol] = code;
        }
        return codes;
    }

    private static int[] buildTrie() {
        int[] codes = codes();
        int[] trie = new int[2 * 512];
        java.util.Arrays.fill(trie, 0);
        int nodes = 1;
        for (int symbol = 0; symbol < 257; symbol++) {
            int length = codeLength(symbol);
            int node = 0;
            for (int bit = length - 1; bit >= 0; bit--) {
                int slot = 2 * node + ((codes[symbol] >>> bit) & 1);
                if (bit == 0) {
                    trie[slot] = -1 - symbol;
                } else {
                    if (trie[slot] == 0) {
                        trie[slot] = nodes++;
                    }
                    node = trie[slot];
                }
            }
        }
        return trie;
    }

    /**
     * Decodes {@code length} bytes at {@code offset}.
     *
     * @throws Http2Exception COMPRESSION_ERROR for the EOS symbol inside the string, padding longer
     *         than 7 bits, or padding that is not the most significant bits of EOS (all ones)
     */
    static byte[] decode(byte[] data, int offset, int length) throws Http2Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 8 / 5 + 1);
        int node = 0;
        int bitsSinceSymbol = 0;
        boolean allOnes = true;
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xff;
            for (int bit = 7; bit >= 0; bit--) {
                int one = (b >>> bit) & 1;
                int next = TRIE[2 * node + one];
                bitsSinceSymbol++;
                allOnes &= one == 1;
                if (next < 0) {
                    int symbol = -1 - next;
                    if (symbol == EOS) {
                        throw new Http2Exception(Http2Exception.COMPRESSION_ERROR, "Huffman string contains EOS");
                    }
                    out.write(symbol);
                    node = 0;
                    bitsSinceSymbol = 0;
                    allOnes = true;
                } else {
                    node = next;
                }
            }
        }
        // Section 5.2: padding is at most 7 bits, all ones (a prefix of EOS).
        if (bitsSinceSymbol > 7 || !allOnes) {
            throw new Http2Exception(Http2Exception.COMPRESSION_ERROR, "invalid Huffman padding");
        }
        return out.toByteArray();
    }
}
