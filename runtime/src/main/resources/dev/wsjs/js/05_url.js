// URL and URLSearchParams: the WHATWG URL Standard (https://url.spec.whatwg.org/).
//
// The parser works on UTF-16 code units: every code point outside ASCII belongs to every
// percent-encode set, so the only place code points matter is where a character is percent-encoded
// at once (path, opaque path, fragment, userinfo), and there a surrogate pair is encoded together.
// Validation errors have no observable effect for this API; they are named in comments only.
//
// Shared with other layers as internals.url:
//   parse(input, base?)  → URL record, or null for failure (base: a URL record or null)
//   serialize(record, excludeFragment?) → string
//   URL                  → the URL class
//   serializeOrigin(record) → the ASCII serialization of the record's origin
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;

  const EOF = -1;

  // ------------------------------------------------------------------ code point classes

  function isAsciiDigit(c) {
    return c >= 0x30 && c <= 0x39;
  }

  function isAsciiHexDigit(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  }

  function isAsciiAlpha(c) {
    return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
  }

  function isAsciiAlphanumeric(c) {
    return isAsciiAlpha(c) || isAsciiDigit(c);
  }

  function hexValue(c) {
    return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
  }

  function isAsciiString(s) {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0x7F) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ percent-encode sets

  // One bit per set, indexed by ASCII code unit; code points above U+007E are in every set.
  const C0_CONTROL_SET = 1;
  const FRAGMENT_SET = 2;
  const QUERY_SET = 4;
  const SPECIAL_QUERY_SET = 8;
  const PATH_SET = 16;
  const USERINFO_SET = 32;
  const COMPONENT_SET = 64;
  const FORM_URLENCODED_SET = 128;

  const SET_TABLE = new Uint8Array(128);
  (function fillSetTable() {
    function add(bits, ...codePoints) {
      for (const c of codePoints) SET_TABLE[c] |= bits;
    }
    const all = C0_CONTROL_SET | FRAGMENT_SET | QUERY_SET | SPECIAL_QUERY_SET | PATH_SET
      | USERINFO_SET | COMPONENT_SET | FORM_URLENCODED_SET;
    // The C0 control percent-encode set: C0 controls and code points greater than U+007E (~).
    for (let c = 0; c < 0x20; c++) add(all, c);
    add(all, 0x7F);
    // The fragment percent-encode set: C0 control set and U+0020 SPACE, ", <, >, `.
    add(FRAGMENT_SET, 0x20, 0x22, 0x3C, 0x3E, 0x60);
    // The query percent-encode set: C0 control set and U+0020 SPACE, ", #, <, >.
    const queryAndUp = QUERY_SET | SPECIAL_QUERY_SET | PATH_SET | USERINFO_SET | COMPONENT_SET
      | FORM_URLENCODED_SET;
    add(queryAndUp, 0x20, 0x22, 0x23, 0x3C, 0x3E);
    // The special-query percent-encode set: query set and U+0027 (').
    add(SPECIAL_QUERY_SET, 0x27);
    // The path percent-encode set: query set and ?, ^, `, {, }.
    const pathAndUp = PATH_SET | USERINFO_SET | COMPONENT_SET | FORM_URLENCODED_SET;
    add(pathAndUp, 0x3F, 0x5E, 0x60, 0x7B, 0x7D);
    // The userinfo percent-encode set: path set and /, :, ;, =, @, [ to ], |.
    const userinfoAndUp = USERINFO_SET | COMPONENT_SET | FORM_URLENCODED_SET;
    add(userinfoAndUp, 0x2F, 0x3A, 0x3B, 0x3D, 0x40, 0x5B, 0x5C, 0x5D, 0x7C);
    // The component percent-encode set: userinfo set and $ to &, +, ,.
    add(COMPONENT_SET | FORM_URLENCODED_SET, 0x24, 0x25, 0x26, 0x2B, 0x2C);
    // The application/x-www-form-urlencoded set: component set and !, ' to ), ~.
    add(FORM_URLENCODED_SET, 0x21, 0x27, 0x28, 0x29, 0x7E);
  })();

  const HEX = "0123456789ABCDEF";

  function percentEncodeByte(b) {
    return "%" + HEX[b >> 4] + HEX[b & 0xF];
  }

  // The percent-encoded UTF-8 bytes of code point cp (≥ U+0080).
  function percentEncodeUtf8(cp) {
    if (cp < 0x800) {
      return percentEncodeByte(0xC0 | (cp >> 6)) + percentEncodeByte(0x80 | (cp & 0x3F));
    }
    if (cp < 0x10000) {
      return percentEncodeByte(0xE0 | (cp >> 12)) + percentEncodeByte(0x80 | ((cp >> 6) & 0x3F))
        + percentEncodeByte(0x80 | (cp & 0x3F));
    }
    return percentEncodeByte(0xF0 | (cp >> 18)) + percentEncodeByte(0x80 | ((cp >> 12) & 0x3F))
      + percentEncodeByte(0x80 | ((cp >> 6) & 0x3F)) + percentEncodeByte(0x80 | (cp & 0x3F));
  }

  // The code point at index i of s as a scalar value: a lone surrogate becomes U+FFFD (the URL
  // parser's input is a scalar value string, but internal callers may pass any string).
  function scalarAt(s, i) {
    const c = s.charCodeAt(i);
    if (c < 0xD800 || c > 0xDFFF) return c;
    if (c <= 0xDBFF && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
    }
    return 0xFFFD;
  }

  // UTF-8 percent-encode a string using a percent-encode set; spaceAsPlus is for the
  // application/x-www-form-urlencoded serializer. Returns the input itself when nothing changes.
  function utf8PercentEncodeString(input, set, spaceAsPlus) {
    let i = 0;
    const length = input.length;
    // Fast path: skip the prefix that needs no encoding.
    for (; i < length; i++) {
      const c = input.charCodeAt(i);
      if (c > 0x7F || (SET_TABLE[c] & set) !== 0 || (spaceAsPlus && c === 0x20)) break;
    }
    if (i === length) return input;
    let output = input.slice(0, i);
    for (; i < length; i++) {
      const c = input.charCodeAt(i);
      if (c < 0x80) {
        if (spaceAsPlus && c === 0x20) output += "+";
        else if ((SET_TABLE[c] & set) !== 0) output += percentEncodeByte(c);
        else output += input[i];
      } else {
        const cp = scalarAt(input, i);
        if (cp > 0xFFFF) i++;
        output += percentEncodeUtf8(cp);
      }
    }
    return output;
  }

  // Percent-decode a string into bytes: the UTF-8 encoding of input with %XX sequences decoded.
  function percentDecodeString(input) {
    const bytes = internals.encoding.utf8Encode(input);
    const length = bytes.length;
    const output = new Uint8Array(length);
    let n = 0;
    for (let i = 0; i < length; i++) {
      const b = bytes[i];
      // 1. If byte is not 0x25 (%), then append byte to output.
      // 2. Otherwise, if the next two bytes are not ASCII hex digits, append byte to output.
      if (b !== 0x25 || i + 2 >= length || !isAsciiHexDigit(bytes[i + 1]) || !isAsciiHexDigit(bytes[i + 2])) {
        output[n++] = b;
      } else {
        // 3. Otherwise, append the byte the two hex digits denote and skip them.
        output[n++] = (hexValue(bytes[i + 1]) << 4) | hexValue(bytes[i + 2]);
        i += 2;
      }
    }
    return output.subarray(0, n);
  }

  // ------------------------------------------------------------------ URL records and schemes

  /** A URL record (https://url.spec.whatwg.org/#concept-url). path is a list, or a string when opaque. */
  class UrlRecord {
    constructor() {
      this.scheme = "";
      this.username = "";
      this.password = "";
      // null, a string (domain, opaque host or empty host), a number (IPv4) or an array of 8 numbers (IPv6)
      this.host = null;
      this.port = null;
      this.path = [];
      this.query = null;
      this.fragment = null;
    }
  }

  function cloneRecord(record) {
    const copy = new UrlRecord();
    copy.scheme = record.scheme;
    copy.username = record.username;
    copy.password = record.password;
    copy.host = record.host;
    copy.port = record.port;
    copy.path = typeof record.path === "string" ? record.path : record.path.slice();
    copy.query = record.query;
    copy.fragment = record.fragment;
    return copy;
  }

  function isSpecialScheme(scheme) {
    switch (scheme) {
      case "ftp": case "file": case "http": case "https": case "ws": case "wss":
        return true;
      default:
        return false;
    }
  }

  function defaultPort(scheme) {
    switch (scheme) {
      case "ftp": return 21;
      case "http": case "ws": return 80;
      case "https": case "wss": return 443;
      default: return null;
    }
  }

  function isSpecial(url) {
    return isSpecialScheme(url.scheme);
  }

  function hasOpaquePath(url) {
    return typeof url.path === "string";
  }

  function includesCredentials(url) {
    return url.username !== "" || url.password !== "";
  }

  function cannotHaveUsernamePasswordPort(url) {
    return url.host === null || url.host === "" || url.scheme === "file";
  }

  // A Windows drive letter: an ASCII alpha followed by ":" or "|".
  function isWindowsDriveLetter(s) {
    return s.length === 2 && isAsciiAlpha(s.charCodeAt(0))
      && (s.charCodeAt(1) === 0x3A || s.charCodeAt(1) === 0x7C);
  }

  function isNormalizedWindowsDriveLetter(s) {
    return s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) && s.charCodeAt(1) === 0x3A;
  }

  // Whether the code point substring of input from p to the end starts with a Windows drive letter.
  function startsWithWindowsDriveLetter(input, p) {
    const length = input.length - p;
    if (length < 2) return false;
    if (!isAsciiAlpha(input.charCodeAt(p))) return false;
    const second = input.charCodeAt(p + 1);
    if (second !== 0x3A && second !== 0x7C) return false;
    if (length === 2) return true;
    const third = input.charCodeAt(p + 2);
    return third === 0x2F || third === 0x5C || third === 0x3F || third === 0x23;
  }

  // Shorten a URL's path.
  function shortenPath(url) {
    // 1. Assert: url does not have an opaque path.
    // 2. Let path be url's path.
    const path = url.path;
    // 3. If url's scheme is "file", path's size is 1, and path[0] is a normalized Windows drive
    //    letter, then return.
    if (url.scheme === "file" && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) return;
    // 4. Remove path's last item, if any.
    path.pop();
  }

  function isSingleDotSegment(s) {
    return s === "." || (s.length === 3 && s[0] === "%" && s[1] === "2" && (s[2] === "e" || s[2] === "E"));
  }

  function isDoubleDotSegment(s) {
    switch (s.length) {
      case 2: return s === "..";
      case 4: {
        const lower = s.toLowerCase();
        return lower === ".%2e" || lower === "%2e.";
      }
      case 6: return s.toLowerCase() === "%2e%2e";
      default: return false;
    }
  }

  // ------------------------------------------------------------------ hosts

  // A forbidden host code point.
  function isForbiddenHostCodePoint(c) {
    switch (c) {
      case 0x00: case 0x09: case 0x0A: case 0x0D: case 0x20: case 0x23: case 0x2F: case 0x3A:
      case 0x3C: case 0x3E: case 0x3F: case 0x40: case 0x5B: case 0x5C: case 0x5D: case 0x5E:
      case 0x7C:
        return true;
      default:
        return false;
    }
  }

  // A forbidden domain code point: a forbidden host code point, a C0 control, U+0025 (%) or U+007F.
  function isForbiddenDomainCodePoint(c) {
    return isForbiddenHostCodePoint(c) || c <= 0x1F || c === 0x25 || c === 0x7F;
  }

  // The host parser (https://url.spec.whatwg.org/#concept-host-parser). Returns a host or null.
  function parseHost(input, isOpaque) {
    // 1. If input starts with U+005B ([), then:
    if (input.charCodeAt(0) === 0x5B) {
      // 1. If input does not end with U+005D (]), IPv6-unclosed validation error, return failure.
      if (input.charCodeAt(input.length - 1) !== 0x5D) return null;
      // 2. Return the result of IPv6 parsing input with its leading [ and trailing ] removed.
      return parseIPv6(input.slice(1, -1));
    }
    // 2. If isOpaque is true, then return the result of opaque-host parsing input.
    if (isOpaque) return parseOpaqueHost(input);
    // 3. Assert: input is not the empty string.
    // 4. If input contains a percent-encoded byte, domain-percent-encoded validation error.
    // 5. Let domain be the result of running UTF-8 decode without BOM on the percent-decoding of
    //    input. (Without a "%" the percent-decoding round-trips to input itself.)
    const domain = input.indexOf("%") === -1
      ? input
      : internals.encoding.utf8DecodeWithoutBOM(percentDecodeString(input));
    // 6. Let asciiDomain be the result of running domain parser with domain and false.
    const asciiDomain = parseDomain(domain);
    // 7. If asciiDomain is failure, then return failure.
    if (asciiDomain === null) return null;
    // 8. If asciiDomain ends in a number, then return the result of IPv4 parsing asciiDomain.
    if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
    // 9. Return asciiDomain.
    return asciiDomain;
  }

  // The domain parser with beStrict false (https://url.spec.whatwg.org/#concept-domain-to-ascii).
  function parseDomain(domain) {
    // 1.–3. The strict run only reports a validation error; with beStrict false it has no effect.
    // 4. Let result be null.
    let result;
    // 5. If domain is an ASCII string, then set result to domain, lowercased (without UTS #46).
    if (isAsciiString(domain)) {
      result = domain.toLowerCase();
    } else {
      // 6. Otherwise:
      //    1. Set result to the result of running domain parser ToASCII with domain and false.
      result = ops.text.domainToASCII(domain, false);
      //    2. If result is a failure value, then return failure.
      if (result === null) return null;
    }
    // 7. If result is the empty string, then return failure.
    if (result === "") return null;
    // 8. If result contains a forbidden domain code point, then return failure.
    for (let i = 0; i < result.length; i++) {
      if (isForbiddenDomainCodePoint(result.charCodeAt(i))) return null;
    }
    // 9. Return result.
    return result;
  }

  // The ends in a number checker.
  function endsInANumber(input) {
    // 1. Assert: input is not the empty string.
    // 2. Let parts be the result of strictly splitting input on U+002E (.).
    // 3. If the last item in parts is the empty string, then remove the last item from parts.
    let end = input.length;
    if (input.charCodeAt(end - 1) === 0x2E) end--;
    // 4. Let last be the last item in parts.
    const last = input.slice(input.lastIndexOf(".", end - 1) + 1, end);
    // 5. If last is not the empty string and contains only ASCII digits, then return true.
    if (last !== "") {
      let allDigits = true;
      for (let i = 0; i < last.length; i++) {
        if (!isAsciiDigit(last.charCodeAt(i))) {
          allDigits = false;
          break;
        }
      }
      if (allDigits) return true;
    }
    // 6. If parsing last as an IPv4 number does not return failure, then return true.
    if (parseIPv4Number(last) !== null) return true;
    // 7. Return false.
    return false;
  }

  // The IPv4 parser. Returns the address as a number, or null for failure.
  function parseIPv4(input) {
    // 1. Let parts be the result of strictly splitting input on U+002E (.).
    const parts = input.split(".");
    // 2. If the last item in parts is the empty string, then:
    if (parts[parts.length - 1] === "") {
      // 1. IPv4-empty-part validation error.
      // 2. If parts's size is greater than 1, then remove the last item from parts.
      if (parts.length > 1) parts.pop();
    }
    // 3. If parts's size is less than 4, IPv4-too-few-parts validation error.
    // 4. If parts's size is greater than 4, IPv4-too-many-parts validation error, return failure.
    if (parts.length > 4) return null;
    // 5. Let numbers be an empty list.
    const numbers = [];
    // 6. For each part of parts:
    for (const part of parts) {
      // 1. Let result be the result of parsing part.
      const result = parseIPv4Number(part);
      // 2. If result is failure, IPv4-non-numeric-part validation error, return failure.
      if (result === null) return null;
      // 3. If result[1] is true, IPv4-non-decimal-part validation error.
      // 4. Append result[0] to numbers.
      numbers.push(result);
    }
    // 7. If any item in numbers is greater than 255, IPv4-out-of-range-part validation error.
    // 8. If any but the last item in numbers is greater than 255, then return failure.
    for (let i = 0; i < numbers.length - 1; i++) {
      if (numbers[i] > 255) return null;
    }
    // 9. If the last item in numbers is greater than or equal to 256^(5 − numbers's size), then
    //    return failure.
    if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
    // 10. Let ipv4 be the last item in numbers.
    // 11. Remove the last item from numbers.
    let ipv4 = numbers.pop();
    // 12. Let counter be 0.
    // 13. For each n of numbers: increment ipv4 by n × 256^(3 − counter); increment counter by 1.
    for (let counter = 0; counter < numbers.length; counter++) {
      ipv4 += numbers[counter] * 256 ** (3 - counter);
    }
    // 14. Return ipv4.
    return ipv4;
  }

  // The IPv4 number parser. Returns the number (possibly beyond 2^32, possibly Infinity) or null;
  // the validation error flag of the standard's tuple has no observable effect and is dropped.
  function parseIPv4Number(input) {
    // 1. If input is the empty string, then return failure.
    if (input === "") return null;
    // 2. Let validationError be false.
    // 3. Let R be 10.
    let radix = 10;
    let start = 0;
    const c0 = input.charCodeAt(0);
    const c1 = input.length >= 2 ? input.charCodeAt(1) : EOF;
    // 4. If input contains at least two code points and the first two code points are either
    //    "0X" or "0x", then set validationError to true, remove them and set R to 16.
    if (c0 === 0x30 && (c1 === 0x58 || c1 === 0x78)) {
      start = 2;
      radix = 16;
    } else if (c0 === 0x30 && input.length >= 2) {
      // 5. Otherwise, if input contains at least two code points and the first code point is
      //    U+0030 (0), then set validationError to true, remove it and set R to 8.
      start = 1;
      radix = 8;
    }
    // 6. If input is the empty string, then return (0, true).
    if (start === input.length) return 0;
    // 7. If input contains a code point that is not a radix-R digit, then return failure.
    for (let i = start; i < input.length; i++) {
      const c = input.charCodeAt(i);
      const ok = radix === 16 ? isAsciiHexDigit(c) : radix === 10 ? isAsciiDigit(c) : c >= 0x30 && c <= 0x37;
      if (!ok) return null;
    }
    // 8. Let output be the mathematical integer value that is represented by input in radix-R
    //    notation. (Beyond 2^53 the value is inexact, but then it fails the range checks anyway.)
    // 9. Return (output, validationError).
    return parseInt(input.slice(start), radix);
  }

  // The IPv6 parser. Returns an array of 8 pieces, or null for failure.
  function parseIPv6(input) {
    // 1. Let address be a new IPv6 address whose pieces are all 0.
    const address = [0, 0, 0, 0, 0, 0, 0, 0];
    // 2. Let pieceIndex be 0.
    let pieceIndex = 0;
    // 3. Let compress be null.
    let compress = null;
    // 4. Let pointer be a pointer for input.
    let pointer = 0;
    const length = input.length;
    const at = (p) => (p < length ? input.charCodeAt(p) : EOF);
    // 5. If c is U+003A (:), then:
    if (at(pointer) === 0x3A) {
      // 1. If remaining does not start with U+003A (:), IPv6-invalid-compression validation error,
      //    return failure.
      if (at(pointer + 1) !== 0x3A) return null;
      // 2. Increase pointer by 2.
      pointer += 2;
      // 3. Increase pieceIndex by 1 and then set compress to pieceIndex.
      pieceIndex++;
      compress = pieceIndex;
    }
    // 6. While c is not the EOF code point:
    while (at(pointer) !== EOF) {
      // 1. If pieceIndex is 8, IPv6-too-many-pieces validation error, return failure.
      if (pieceIndex === 8) return null;
      // 2. If c is U+003A (:), then:
      if (at(pointer) === 0x3A) {
        // 1. If compress is non-null, IPv6-multiple-compression validation error, return failure.
        if (compress !== null) return null;
        // 2. Increase pointer and pieceIndex by 1, set compress to pieceIndex, and continue.
        pointer++;
        pieceIndex++;
        compress = pieceIndex;
        continue;
      }
      // 3. Let value and length be 0.
      let value = 0;
      let digits = 0;
      // 4. While length is less than 4 and c is an ASCII hex digit, set value to value × 0x10 + c
      //    interpreted as a hexadecimal number, and increase pointer and length by 1.
      while (digits < 4 && isAsciiHexDigit(at(pointer))) {
        value = value * 0x10 + hexValue(at(pointer));
        pointer++;
        digits++;
      }
      // 5. If c is U+002E (.), then:
      if (at(pointer) === 0x2E) {
        // 1. If length is 0, IPv4-in-IPv6-invalid-code-point validation error, return failure.
        if (digits === 0) return null;
        // 2. Decrease pointer by length.
        pointer -= digits;
        // 3. If pieceIndex is greater than 6, IPv4-in-IPv6-too-many-pieces validation error,
        //    return failure.
        if (pieceIndex > 6) return null;
        // 4. Let numbersSeen be 0.
        let numbersSeen = 0;
        // 5. While c is not the EOF code point:
        while (at(pointer) !== EOF) {
          // 1. Let ipv4Piece be null.
          let ipv4Piece = null;
          // 2. If numbersSeen is greater than 0, then:
          if (numbersSeen > 0) {
            // 1. If c is a U+002E (.) and numbersSeen is less than 4, then increase pointer by 1.
            if (at(pointer) === 0x2E && numbersSeen < 4) pointer++;
            // 2. Otherwise, IPv4-in-IPv6-invalid-code-point validation error, return failure.
            else return null;
          }
          // 3. If c is not an ASCII digit, IPv4-in-IPv6-invalid-code-point validation error,
          //    return failure.
          if (!isAsciiDigit(at(pointer))) return null;
          // 4. While c is an ASCII digit:
          while (isAsciiDigit(at(pointer))) {
            // 1. Let number be c interpreted as decimal number.
            const number = at(pointer) - 0x30;
            // 2. If ipv4Piece is null, then set ipv4Piece to number.
            if (ipv4Piece === null) ipv4Piece = number;
            // 3. Otherwise, if ipv4Piece is 0, IPv4-in-IPv6-invalid-code-point validation error,
            //    return failure.
            else if (ipv4Piece === 0) return null;
            // 4. Otherwise, set ipv4Piece to ipv4Piece × 10 + number.
            else ipv4Piece = ipv4Piece * 10 + number;
            // 5. If ipv4Piece is greater than 255, IPv4-in-IPv6-out-of-range-part validation
            //    error, return failure.
            if (ipv4Piece > 255) return null;
            // 6. Increase pointer by 1.
            pointer++;
          }
          // 5. Set address[pieceIndex] to address[pieceIndex] × 0x100 + ipv4Piece.
          address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
          // 6. Increase numbersSeen by 1.
          numbersSeen++;
          // 7. If numbersSeen is 2 or 4, then increase pieceIndex by 1.
          if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
        }
        // 6. If numbersSeen is not 4, IPv4-in-IPv6-too-few-parts validation error, return failure.
        if (numbersSeen !== 4) return null;
        // 7. Break.
        break;
      } else if (at(pointer) === 0x3A) {
        // 6. Otherwise, if c is U+003A (:):
        // 1. Increase pointer by 1.
        pointer++;
        // 2. If c is the EOF code point, IPv6-invalid-code-point validation error, return failure.
        if (at(pointer) === EOF) return null;
      } else if (at(pointer) !== EOF) {
        // 7. Otherwise, if c is not the EOF code point, IPv6-invalid-code-point validation error,
        //    return failure.
        return null;
      }
      // 8. If length > 1 and value < 0x10^(length − 1), IPv6-piece-leading-zero validation error.
      // 9. Set address[pieceIndex] to value.
      address[pieceIndex] = value;
      // 10. Increase pieceIndex by 1.
      pieceIndex++;
    }
    // 7. If compress is non-null, then:
    if (compress !== null) {
      // 1. Let swaps be pieceIndex − compress.
      let swaps = pieceIndex - compress;
      // 2. Set pieceIndex to 7.
      pieceIndex = 7;
      // 3. While pieceIndex is not 0 and swaps is greater than 0, swap address[pieceIndex] with
      //    address[compress + swaps − 1], and then decrease both pieceIndex and swaps by 1.
      while (pieceIndex !== 0 && swaps > 0) {
        const other = compress + swaps - 1;
        const tmp = address[pieceIndex];
        address[pieceIndex] = address[other];
        address[other] = tmp;
        pieceIndex--;
        swaps--;
      }
    } else if (pieceIndex !== 8) {
      // 8. Otherwise, if compress is null and pieceIndex is not 8, IPv6-too-few-pieces validation
      //    error, return failure.
      return null;
    }
    // 9. Return address.
    return address;
  }

  // The opaque-host parser. Returns an opaque host (string) or null.
  function parseOpaqueHost(input) {
    // 1. If input contains a forbidden host code point, host-invalid-code-point validation error,
    //    return failure.
    for (let i = 0; i < input.length; i++) {
      if (isForbiddenHostCodePoint(input.charCodeAt(i))) return null;
    }
    // 2.–3. Code points that are not URL code points and stray "%" are validation errors only.
    // 4. Return the result of running UTF-8 percent-encode on input using the C0 control
    //    percent-encode set.
    return utf8PercentEncodeString(input, C0_CONTROL_SET, false);
  }

  // The host serializer.
  function serializeHost(host) {
    // 1. If host is an IPv4 address, return the result of running the IPv4 serializer on host.
    if (typeof host === "number") return serializeIPv4(host);
    // 2. Otherwise, if host is an IPv6 address, return "[", the IPv6 serialization, "]".
    if (typeof host === "object") return "[" + serializeIPv6(host) + "]";
    // 3. Otherwise, host is a domain, opaque host, or empty host, return host.
    return host;
  }

  // The IPv4 serializer.
  function serializeIPv4(address) {
    // 1. Let output be the empty string.
    let output = "";
    // 2. Let n be the value of address.
    let n = address;
    // 3. For each i in the range 1 to 4, inclusive:
    for (let i = 1; i <= 4; i++) {
      // 1. Prepend n % 256, serialized, to output.
      output = String(n % 256) + output;
      // 2. If i is not 4, then prepend U+002E (.) to output.
      if (i !== 4) output = "." + output;
      // 3. Set n to floor(n / 256).
      n = Math.floor(n / 256);
    }
    // 4. Return output.
    return output;
  }

  // The IPv6 serializer.
  function serializeIPv6(address) {
    // 1. Let output be the empty string.
    let output = "";
    // 2. Let compress be the result of finding the IPv6 address compressed piece index.
    const compress = findCompressedPieceIndex(address);
    // 3. Let ignore0 be false.
    let ignore0 = false;
    // 4. For each pieceIndex of address's pieces's indices:
    for (let pieceIndex = 0; pieceIndex < 8; pieceIndex++) {
      // 1. If ignore0 is true and address[pieceIndex] is 0, then continue.
      if (ignore0 && address[pieceIndex] === 0) continue;
      // 2. Otherwise, if ignore0 is true, set ignore0 to false.
      ignore0 = false;
      // 3. If compress is pieceIndex, then append "::" if pieceIndex is 0, else ":", set ignore0
      //    to true and continue.
      if (compress === pieceIndex) {
        output += pieceIndex === 0 ? "::" : ":";
        ignore0 = true;
        continue;
      }
      // 4. Append address[pieceIndex], as the shortest possible lowercase hexadecimal number.
      output += address[pieceIndex].toString(16);
      // 5. If pieceIndex is not 7, then append U+003A (:) to output.
      if (pieceIndex !== 7) output += ":";
    }
    // 5. Return output.
    return output;
  }

  // Find the IPv6 address compressed piece index: the first longest run of two or more 0 pieces.
  function findCompressedPieceIndex(address) {
    // 1.–4. Let longestIndex be null, longestSize be 1, foundIndex be null, foundSize be 0.
    let longestIndex = null;
    let longestSize = 1;
    let foundIndex = null;
    let foundSize = 0;
    // 5. For each pieceIndex of address's pieces's indices:
    for (let pieceIndex = 0; pieceIndex < 8; pieceIndex++) {
      if (address[pieceIndex] !== 0) {
        // 1. If the piece is not 0: record the run found so far if it is the longest, then reset.
        if (foundSize > longestSize) {
          longestIndex = foundIndex;
          longestSize = foundSize;
        }
        foundIndex = null;
        foundSize = 0;
      } else {
        // 2. Otherwise: start or extend the current run.
        if (foundIndex === null) foundIndex = pieceIndex;
        foundSize++;
      }
    }
    // 6. If foundSize is greater than longestSize, then return foundIndex.
    if (foundSize > longestSize) return foundIndex;
    // 7. Return longestIndex.
    return longestIndex;
  }

  // ------------------------------------------------------------------ the basic URL parser

  // An ASCII code unit the path state appends as it is: not in the path percent-encode set and
  // not a code point that ends a segment ("/", "\\", "?", "#" — "\\" only ends special URLs'
  // segments, so it is never taken in a run).
  function isPlainPathUnit(c) {
    return c < 0x80 && (SET_TABLE[c] & PATH_SET) === 0 && c !== 0x2F && c !== 0x5C && c !== 0x3F && c !== 0x23;
  }

  const NO_STATE = 0;
  const SCHEME_START = 1;
  const SCHEME = 2;
  const NO_SCHEME = 3;
  const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
  const PATH_OR_AUTHORITY = 5;
  const RELATIVE = 6;
  const RELATIVE_SLASH = 7;
  const SPECIAL_AUTHORITY_SLASHES = 8;
  const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
  const AUTHORITY = 10;
  const HOST = 11;
  const HOSTNAME = 12;
  const PORT = 13;
  const FILE = 14;
  const FILE_SLASH = 15;
  const FILE_HOST = 16;
  const PATH_START = 17;
  const PATH = 18;
  const OPAQUE_PATH = 19;
  const QUERY = 20;
  const FRAGMENT = 21;

  // A C0 control or space: U+0000 to U+0020.
  function trimControlAndSpace(input) {
    let start = 0;
    let end = input.length;
    while (start < end && input.charCodeAt(start) <= 0x20) start++;
    while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
    return start === 0 && end === input.length ? input : input.slice(start, end);
  }

  // Remove all ASCII tab or newline (U+0009, U+000A, U+000D).
  function removeTabAndNewline(input) {
    if (input.indexOf("\t") === -1 && input.indexOf("\n") === -1 && input.indexOf("\r") === -1) return input;
    return input.replace(/[\t\n\r]/g, "");
  }

  /**
   * The basic URL parser (https://url.spec.whatwg.org/#concept-basic-url-parser), for the UTF-8
   * encoding. Returns a new URL record or null (failure) when url is not given; with url and a
   * state override it modifies url and returns url, null (failure) or undefined ("return").
   */
  function basicParse(input, base = null, url = null, stateOverride = NO_STATE) {
    const override = stateOverride !== NO_STATE;
    // 1. If url is not given:
    if (url === null) {
      // 1. Set url to a new URL.
      url = new UrlRecord();
      // 2. Leading or trailing C0 control or space is an invalid-URL-unit validation error.
      // 3. Remove any leading and trailing C0 control or space from input.
      input = trimControlAndSpace(input);
    }
    // 2. ASCII tab or newline is an invalid-URL-unit validation error.
    // 3. Remove all ASCII tab or newline from input.
    input = removeTabAndNewline(input);
    // 4. Let state be state override if given, or scheme start state otherwise.
    let state = override ? stateOverride : SCHEME_START;
    // 5. Set encoding to the result of getting an output encoding from encoding (always UTF-8 here).
    // 6. Let buffer be the empty string.
    let buffer = "";
    // 7. Let atSignSeen, insideBrackets, and passwordTokenSeen be false.
    let atSignSeen = false;
    let insideBrackets = false;
    let passwordTokenSeen = false;
    // 8. Let pointer be a pointer for input.
    let pointer = 0;
    const length = input.length;
    const at = (p) => (p < length ? input.charCodeAt(p) : EOF);

    // 9. Keep running the following state machine by switching on state. If after a run pointer
    //    points to the EOF code point, go to the next step. Otherwise, increase pointer by 1 and
    //    continue with the state machine.
    for (;; pointer++) {
      const c = pointer < length ? input.charCodeAt(pointer) : EOF;
      switch (state) {
        case SCHEME_START:
          // 1. If c is an ASCII alpha, append c, lowercased, to buffer, and set state to scheme state.
          if (isAsciiAlpha(c)) {
            buffer += String.fromCharCode(c | 0x20);
            state = SCHEME;
          } else if (!override) {
            // 2. Otherwise, if state override is not given, set state to no scheme state and
            //    decrease pointer by 1.
            state = NO_SCHEME;
            pointer--;
          } else {
            // 3. Otherwise, return failure.
            return null;
          }
          break;

        case SCHEME:
          // 1. If c is an ASCII alphanumeric, U+002B (+), U+002D (-), or U+002E (.), append c,
          //    lowercased, to buffer.
          if (isAsciiAlphanumeric(c) || c === 0x2B || c === 0x2D || c === 0x2E) {
            buffer += isAsciiAlpha(c) ? String.fromCharCode(c | 0x20) : input[pointer];
          } else if (c === 0x3A) {
            // 2. Otherwise, if c is U+003A (:), then:
            // 1. If state override is given, then:
            if (override) {
              // 1. If url's scheme is special and buffer is not, then return.
              if (isSpecialScheme(url.scheme) && !isSpecialScheme(buffer)) return undefined;
              // 2. If url's scheme is not special and buffer is, then return.
              if (!isSpecialScheme(url.scheme) && isSpecialScheme(buffer)) return undefined;
              // 3. If url includes credentials or has a non-null port, and buffer is "file", then return.
              if ((includesCredentials(url) || url.port !== null) && buffer === "file") return undefined;
              // 4. If url's scheme is "file" and its host is an empty host, then return.
              if (url.scheme === "file" && url.host === "") return undefined;
            }
            // 2. Set url's scheme to buffer.
            url.scheme = buffer;
            // 3. If state override is given, then:
            if (override) {
              // 1. If url's port is url's scheme's default port, then set url's port to null.
              if (url.port === defaultPort(url.scheme)) url.port = null;
              // 2. Return.
              return undefined;
            }
            // 4. Set buffer to the empty string.
            buffer = "";
            if (url.scheme === "file") {
              // 5. If url's scheme is "file", then:
              // 1. If remaining does not start with "//", special-scheme-missing-following-solidus
              //    validation error.
              // 2. Set state to file state.
              state = FILE;
            } else if (isSpecial(url) && base !== null && base.scheme === url.scheme) {
              // 6. Otherwise, if url is special, base is non-null, and base's scheme is url's scheme:
              // 1. Assert: base is special (and therefore does not have an opaque path).
              // 2. Set state to special relative or authority state.
              state = SPECIAL_RELATIVE_OR_AUTHORITY;
            } else if (isSpecial(url)) {
              // 7. Otherwise, if url is special, set state to special authority slashes state.
              state = SPECIAL_AUTHORITY_SLASHES;
            } else if (at(pointer + 1) === 0x2F) {
              // 8. Otherwise, if remaining starts with an U+002F (/), set state to path or
              //    authority state and increase pointer by 1.
              state = PATH_OR_AUTHORITY;
              pointer++;
            } else {
              // 9. Otherwise, set url's path to the empty string and set state to opaque path state.
              url.path = "";
              state = OPAQUE_PATH;
            }
          } else if (!override) {
            // 3. Otherwise, if state override is not given, set buffer to the empty string, state
            //    to no scheme state, and start over (from the first code point in input).
            buffer = "";
            state = NO_SCHEME;
            pointer = -1;
          } else {
            // 4. Otherwise, return failure.
            return null;
          }
          break;

        case NO_SCHEME:
          // 1. If base is null, or base has an opaque path and c is not U+0023 (#),
          //    missing-scheme-non-relative-URL validation error, return failure.
          if (base === null || (hasOpaquePath(base) && c !== 0x23)) {
            return null;
          } else if (hasOpaquePath(base) && c === 0x23) {
            // 2. Otherwise, if base has an opaque path and c is U+0023 (#), set url's scheme to
            //    base's scheme, url's path to base's path, url's query to base's query, url's
            //    fragment to the empty string, and set state to fragment state.
            url.scheme = base.scheme;
            url.path = base.path;
            url.query = base.query;
            url.fragment = "";
            state = FRAGMENT;
          } else if (base.scheme !== "file") {
            // 3. Otherwise, if base's scheme is not "file", set state to relative state and
            //    decrease pointer by 1.
            state = RELATIVE;
            pointer--;
          } else {
            // 4. Otherwise, set state to file state and decrease pointer by 1.
            state = FILE;
            pointer--;
          }
          break;

        case SPECIAL_RELATIVE_OR_AUTHORITY:
          // 1. If c is U+002F (/) and remaining starts with U+002F (/), then set state to special
          //    authority ignore slashes state and increase pointer by 1.
          if (c === 0x2F && at(pointer + 1) === 0x2F) {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer++;
          } else {
            // 2. Otherwise, special-scheme-missing-following-solidus validation error, set state
            //    to relative state and decrease pointer by 1.
            state = RELATIVE;
            pointer--;
          }
          break;

        case PATH_OR_AUTHORITY:
          // 1. If c is U+002F (/), then set state to authority state.
          if (c === 0x2F) {
            state = AUTHORITY;
          } else {
            // 2. Otherwise, set state to path state, and decrease pointer by 1.
            state = PATH;
            pointer--;
          }
          break;

        case RELATIVE:
          // 1. Assert: base's scheme is not "file".
          // 2. Set url's scheme to base's scheme.
          url.scheme = base.scheme;
          if (c === 0x2F) {
            // 3. If c is U+002F (/), then set state to relative slash state.
            state = RELATIVE_SLASH;
          } else if (isSpecial(url) && c === 0x5C) {
            // 4. Otherwise, if url is special and c is U+005C (\), invalid-reverse-solidus
            //    validation error, set state to relative slash state.
            state = RELATIVE_SLASH;
          } else {
            // 5. Otherwise:
            // 1. Set url's username, password, host, port to base's, url's path to a clone of
            //    base's path, and url's query to base's query.
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            url.path = base.path.slice();
            url.query = base.query;
            if (c === 0x3F) {
              // 2. If c is U+003F (?), then set url's query to the empty string, and state to
              //    query state.
              url.query = "";
              state = QUERY;
            } else if (c === 0x23) {
              // 3. Otherwise, if c is U+0023 (#), set url's fragment to the empty string and
              //    state to fragment state.
              url.fragment = "";
              state = FRAGMENT;
            } else if (c !== EOF) {
              // 4. Otherwise, if c is not the EOF code point:
              // 1. Set url's query to null.
              url.query = null;
              // 2. Shorten url's path.
              shortenPath(url);
              // 3. Set state to path state and decrease pointer by 1.
              state = PATH;
              pointer--;
            }
          }
          break;

        case RELATIVE_SLASH:
          // 1. If url is special and c is U+002F (/) or U+005C (\), then:
          if (isSpecial(url) && (c === 0x2F || c === 0x5C)) {
            // 1. If c is U+005C (\), invalid-reverse-solidus validation error.
            // 2. Set state to special authority ignore slashes state.
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          } else if (c === 0x2F) {
            // 2. Otherwise, if c is U+002F (/), then set state to authority state.
            state = AUTHORITY;
          } else {
            // 3. Otherwise, set url's username, password, host and port to base's, state to path
            //    state, and then, decrease pointer by 1.
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            state = PATH;
            pointer--;
          }
          break;

        case SPECIAL_AUTHORITY_SLASHES:
          // 1. If c is U+002F (/) and remaining starts with U+002F (/), then set state to special
          //    authority ignore slashes state and increase pointer by 1.
          if (c === 0x2F && at(pointer + 1) === 0x2F) {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer++;
          } else {
            // 2. Otherwise, special-scheme-missing-following-solidus validation error, set state
            //    to special authority ignore slashes state and decrease pointer by 1.
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer--;
          }
          break;

        case SPECIAL_AUTHORITY_IGNORE_SLASHES:
          // 1. If c is neither U+002F (/) nor U+005C (\), then set state to authority state and
          //    decrease pointer by 1.
          if (c !== 0x2F && c !== 0x5C) {
            state = AUTHORITY;
            pointer--;
          }
          // 2. Otherwise, special-scheme-missing-following-solidus validation error.
          break;

        case AUTHORITY:
          if (c === 0x40) {
            // 1. If c is U+0040 (@), then:
            // 1. Invalid-credentials validation error.
            // 2. If atSignSeen is true, then prepend "%40" to buffer.
            if (atSignSeen) buffer = "%40" + buffer;
            // 3. Set atSignSeen to true.
            atSignSeen = true;
            // 4. For each codePoint in buffer: the first ":" (when passwordTokenSeen is false)
            //    switches to the password; every other code point is UTF-8 percent-encoded using
            //    the userinfo percent-encode set and appended to the username or password.
            const colon = passwordTokenSeen ? -1 : buffer.indexOf(":");
            if (colon === -1) {
              const encoded = utf8PercentEncodeString(buffer, USERINFO_SET, false);
              if (passwordTokenSeen) url.password += encoded;
              else url.username += encoded;
            } else {
              passwordTokenSeen = true;
              url.username += utf8PercentEncodeString(buffer.slice(0, colon), USERINFO_SET, false);
              url.password += utf8PercentEncodeString(buffer.slice(colon + 1), USERINFO_SET, false);
            }
            // 5. Set buffer to the empty string.
            buffer = "";
          } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 || (isSpecial(url) && c === 0x5C)) {
            // 2. Otherwise, if c is the EOF code point, /, ?, or #, or url is special and c is \:
            // 1. If atSignSeen is true and buffer is the empty string, host-missing validation
            //    error, return failure.
            if (atSignSeen && buffer === "") return null;
            // 2. Decrease pointer by buffer's code point length + 1, set buffer to the empty
            //    string, and set state to host state. (buffer holds code units, as does pointer.)
            pointer -= buffer.length + 1;
            buffer = "";
            state = HOST;
          } else {
            // 3. Otherwise, append c to buffer.
            buffer += input[pointer];
          }
          break;

        case HOST:
        case HOSTNAME:
          if (override && url.scheme === "file") {
            // 1. If state override is given and url's scheme is "file", then decrease pointer by
            //    1 and set state to file host state.
            pointer--;
            state = FILE_HOST;
          } else if (c === 0x3A && !insideBrackets) {
            // 2. Otherwise, if c is U+003A (:) and insideBrackets is false:
            // 1. If buffer is the empty string, host-missing validation error, return failure.
            if (buffer === "") return null;
            // 2. If state override is given and state override is hostname state, then return
            //    failure.
            if (override && stateOverride === HOSTNAME) return null;
            // 3. Let host be the result of host parsing buffer with url is not special.
            const host = parseHost(buffer, !isSpecial(url));
            // 4. If host is failure, then return failure.
            if (host === null) return null;
            // 5. Set url's host to host, buffer to the empty string, and state to port state.
            url.host = host;
            buffer = "";
            state = PORT;
          } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 || (isSpecial(url) && c === 0x5C)) {
            // 3. Otherwise, if c is the EOF code point, /, ?, or #, or url is special and c is \,
            //    then decrease pointer by 1, and:
            pointer--;
            if (isSpecial(url) && buffer === "") {
              // 1. If url is special and buffer is the empty string, host-missing validation
              //    error, return failure.
              return null;
            } else if (override && buffer === "" && (includesCredentials(url) || url.port !== null)) {
              // 2. Otherwise, if state override is given, buffer is the empty string, and either
              //    url includes credentials or url's port is non-null, then return failure.
              return null;
            }
            // 3. Let host be the result of host parsing buffer with url is not special.
            const host = parseHost(buffer, !isSpecial(url));
            // 4. If host is failure, then return failure.
            if (host === null) return null;
            // 5. Set url's host to host, buffer to the empty string, and state to path start state.
            url.host = host;
            buffer = "";
            state = PATH_START;
            // 6. If state override is given, then return.
            if (override) return undefined;
          } else {
            // 4. Otherwise:
            // 1. If c is U+005B ([), then set insideBrackets to true.
            if (c === 0x5B) insideBrackets = true;
            // 2. If c is U+005D (]), then set insideBrackets to false.
            if (c === 0x5D) insideBrackets = false;
            // 3. Append c to buffer.
            buffer += input[pointer];
          }
          break;

        case PORT:
          if (isAsciiDigit(c)) {
            // 1. If c is an ASCII digit, append c to buffer.
            buffer += input[pointer];
          } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 || (isSpecial(url) && c === 0x5C) || override) {
            // 2. Otherwise, if c is the EOF code point, /, ?, or #; url is special and c is \; or
            //    state override is given, then:
            // 1. If buffer is not the empty string:
            if (buffer !== "") {
              // 1. Let port be the mathematical integer value that is represented by buffer in
              //    radix-10. (Leading zeros are allowed, so the length alone says nothing.)
              const port = parseInt(buffer, 10);
              // 2. If port is not a 16-bit unsigned integer, port-out-of-range validation error,
              //    return failure.
              if (port > 65535) return null;
              // 3. Set url's port to null, if port is url's scheme's default port; otherwise to port.
              url.port = port === defaultPort(url.scheme) ? null : port;
              // 4. Set buffer to the empty string.
              buffer = "";
              // 5. If state override is given, then return.
              if (override) return undefined;
            }
            // 2. If state override is given, then return failure.
            if (override) return null;
            // 3. Set state to path start state and decrease pointer by 1.
            state = PATH_START;
            pointer--;
          } else {
            // 3. Otherwise, port-invalid validation error, return failure.
            return null;
          }
          break;

        case FILE:
          // 1. Set url's scheme to "file".
          url.scheme = "file";
          // 2. Set url's host to the empty string.
          url.host = "";
          if (c === 0x2F || c === 0x5C) {
            // 3. If c is U+002F (/) or U+005C (\), then:
            // 1. If c is U+005C (\), invalid-reverse-solidus validation error.
            // 2. Set state to file slash state.
            state = FILE_SLASH;
          } else if (base !== null && base.scheme === "file") {
            // 4. Otherwise, if base is non-null and base's scheme is "file":
            // 1. Set url's host to base's host, url's path to a clone of base's path, and url's
            //    query to base's query.
            url.host = base.host;
            url.path = base.path.slice();
            url.query = base.query;
            if (c === 0x3F) {
              // 2. If c is U+003F (?), then set url's query to the empty string and state to
              //    query state.
              url.query = "";
              state = QUERY;
            } else if (c === 0x23) {
              // 3. Otherwise, if c is U+0023 (#), set url's fragment to the empty string and
              //    state to fragment state.
              url.fragment = "";
              state = FRAGMENT;
            } else if (c !== EOF) {
              // 4. Otherwise, if c is not the EOF code point:
              // 1. Set url's query to null.
              url.query = null;
              if (!startsWithWindowsDriveLetter(input, pointer)) {
                // 2. If the code point substring from pointer to the end of input does not start
                //    with a Windows drive letter, then shorten url's path.
                shortenPath(url);
              } else {
                // 3. Otherwise: file-invalid-Windows-drive-letter validation error; set url's
                //    path to « ».
                url.path = [];
              }
              // 4. Set state to path state and decrease pointer by 1.
              state = PATH;
              pointer--;
            }
          } else {
            // 5. Otherwise, set state to path state, and decrease pointer by 1.
            state = PATH;
            pointer--;
          }
          break;

        case FILE_SLASH:
          if (c === 0x2F || c === 0x5C) {
            // 1. If c is U+002F (/) or U+005C (\), then:
            // 1. If c is U+005C (\), invalid-reverse-solidus validation error.
            // 2. Set state to file host state.
            state = FILE_HOST;
          } else {
            // 2. Otherwise:
            // 1. If base is non-null and base's scheme is "file", then:
            if (base !== null && base.scheme === "file") {
              // 1. Set url's host to base's host.
              url.host = base.host;
              // 2. If the code point substring from pointer to the end of input does not start
              //    with a Windows drive letter and base's path[0] is a normalized Windows drive
              //    letter, then append base's path[0] to url's path.
              if (!startsWithWindowsDriveLetter(input, pointer) && base.path.length > 0
                  && isNormalizedWindowsDriveLetter(base.path[0])) {
                url.path.push(base.path[0]);
              }
            }
            // 2. Set state to path state, and decrease pointer by 1.
            state = PATH;
            pointer--;
          }
          break;

        case FILE_HOST:
          if (c === EOF || c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23) {
            // 1. If c is the EOF code point, /, \, ?, or #, then decrease pointer by 1 and then:
            pointer--;
            if (!override && isWindowsDriveLetter(buffer)) {
              // 1. If state override is not given and buffer is a Windows drive letter,
              //    file-invalid-Windows-drive-letter-host validation error, set state to path
              //    state. (buffer is not reset here and instead used in the path state.)
              state = PATH;
            } else if (buffer === "") {
              // 2. Otherwise, if buffer is the empty string, then:
              // 1. Set url's host to the empty string.
              url.host = "";
              // 2. If state override is given, then return.
              if (override) return undefined;
              // 3. Set state to path start state.
              state = PATH_START;
            } else {
              // 3. Otherwise, run these steps:
              // 1. Let host be the result of host parsing buffer with url is not special.
              let host = parseHost(buffer, !isSpecial(url));
              // 2. If host is failure, then return failure.
              if (host === null) return null;
              // 3. If host is "localhost", then set host to the empty string.
              if (host === "localhost") host = "";
              // 4. Set url's host to host.
              url.host = host;
              // 5. If state override is given, then return.
              if (override) return undefined;
              // 6. Set buffer to the empty string and state to path start state.
              buffer = "";
              state = PATH_START;
            }
          } else {
            // 2. Otherwise, append c to buffer.
            buffer += input[pointer];
          }
          break;

        case PATH_START:
          if (isSpecial(url)) {
            // 1. If url is special, then:
            // 1. If c is U+005C (\), invalid-reverse-solidus validation error.
            // 2. Set state to path state.
            state = PATH;
            // 3. If c is neither U+002F (/) nor U+005C (\), then decrease pointer by 1.
            if (c !== 0x2F && c !== 0x5C) pointer--;
          } else if (!override && c === 0x3F) {
            // 2. Otherwise, if state override is not given and c is U+003F (?), set url's query
            //    to the empty string and state to query state.
            url.query = "";
            state = QUERY;
          } else if (!override && c === 0x23) {
            // 3. Otherwise, if state override is not given and c is U+0023 (#), set url's
            //    fragment to the empty string and state to fragment state.
            url.fragment = "";
            state = FRAGMENT;
          } else if (c !== EOF) {
            // 4. Otherwise, if c is not the EOF code point:
            // 1. Set state to path state.
            state = PATH;
            // 2. If c is not U+002F (/), then decrease pointer by 1.
            if (c !== 0x2F) pointer--;
          } else if (override && url.host === null) {
            // 5. Otherwise, if state override is given and url's host is null, append the empty
            //    string to url's path.
            url.path.push("");
          }
          break;

        case PATH:
          if (c === EOF || c === 0x2F || (isSpecial(url) && c === 0x5C) || (!override && (c === 0x3F || c === 0x23))) {
            // 1. If c is the EOF code point or /; url is special and c is \; or state override is
            //    not given and c is ? or #, then:
            // 1. If url is special and c is U+005C (\), invalid-reverse-solidus validation error.
            const slash = c === 0x2F || (isSpecial(url) && c === 0x5C);
            if (isDoubleDotSegment(buffer)) {
              // 2. If buffer is a double-dot URL path segment, then:
              // 1. Shorten url's path.
              shortenPath(url);
              // 2. If neither c is U+002F (/), nor url is special and c is U+005C (\), append the
              //    empty string to url's path.
              if (!slash) url.path.push("");
            } else if (isSingleDotSegment(buffer) && !slash) {
              // 3. Otherwise, if buffer is a single-dot URL path segment and if neither c is
              //    U+002F (/), nor url is special and c is U+005C (\), append the empty string to
              //    url's path.
              url.path.push("");
            } else if (!isSingleDotSegment(buffer)) {
              // 4. Otherwise, if buffer is not a single-dot URL path segment, then:
              // 1. If url's scheme is "file", url's path is empty, and buffer is a Windows drive
              //    letter, then replace the second code point in buffer with U+003A (:).
              if (url.scheme === "file" && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
                buffer = buffer[0] + ":";
              }
              // 2. Append buffer to url's path.
              url.path.push(buffer);
            }
            // 5. Set buffer to the empty string.
            buffer = "";
            if (c === 0x3F) {
              // 6. If c is U+003F (?), then set url's query to the empty string and state to
              //    query state.
              url.query = "";
              state = QUERY;
            }
            if (c === 0x23) {
              // 7. If c is U+0023 (#), then set url's fragment to the empty string and state to
              //    fragment state.
              url.fragment = "";
              state = FRAGMENT;
            }
          } else {
            // 2. Otherwise, run these steps:
            // 1.–2. Non-URL code points and stray "%" are invalid-URL-unit validation errors.
            // 3. UTF-8 percent-encode c using the path percent-encode set and append the result
            //    to buffer.
            if (c < 0x80) {
              if ((SET_TABLE[c] & PATH_SET) !== 0) {
                buffer += percentEncodeByte(c);
              } else {
                // Take the whole run of such code points at once; each would take this branch.
                const start = pointer;
                while (pointer + 1 < length && isPlainPathUnit(input.charCodeAt(pointer + 1))) pointer++;
                buffer += start === pointer ? input[pointer] : input.slice(start, pointer + 1);
              }
            } else {
              const cp = scalarAt(input, pointer);
              if (cp > 0xFFFF) pointer++;
              buffer += percentEncodeUtf8(cp);
            }
          }
          break;

        case OPAQUE_PATH:
          if (c === 0x3F) {
            // 1. If c is U+003F (?), then set url's query to the empty string and state to query
            //    state.
            url.query = "";
            state = QUERY;
          } else if (c === 0x23) {
            // 2. Otherwise, if c is U+0023 (#), then set url's fragment to the empty string and
            //    state to fragment state.
            url.fragment = "";
            state = FRAGMENT;
          } else if (c === 0x20) {
            // 3. Otherwise, if c is U+0020 SPACE:
            // 1. Invalid-URL-unit validation error.
            const next = at(pointer + 1);
            // 2. If remaining starts with U+003F (?) or U+0023 (#), then append "%20" to url's path.
            if (next === 0x3F || next === 0x23) url.path += "%20";
            // 3. Otherwise, append U+0020 SPACE to url's path.
            else url.path += " ";
          } else if (c !== EOF) {
            // 4. Otherwise, if c is not the EOF code point:
            // 1.–2. Non-URL code points and stray "%" are invalid-URL-unit validation errors.
            // 3. UTF-8 percent-encode c using the C0 control percent-encode set and append the
            //    result to url's path.
            if (c < 0x80) {
              url.path += (SET_TABLE[c] & C0_CONTROL_SET) !== 0 ? percentEncodeByte(c) : input[pointer];
            } else {
              const cp = scalarAt(input, pointer);
              if (cp > 0xFFFF) pointer++;
              url.path += percentEncodeUtf8(cp);
            }
          }
          break;

        case QUERY:
          // 1. If encoding is not UTF-8 and url is not special or its scheme is "ws" or "wss",
          //    then set encoding to UTF-8. (The encoding is always UTF-8 here.)
          if ((!override && c === 0x23) || c === EOF) {
            // 2. If state override is not given and c is U+0023 (#), or c is the EOF code point:
            // 1. Let queryPercentEncodeSet be the special-query percent-encode set if url is
            //    special; otherwise the query percent-encode set.
            const querySet = isSpecial(url) ? SPECIAL_QUERY_SET : QUERY_SET;
            // 2. Percent-encode after encoding, with encoding, buffer, and queryPercentEncodeSet,
            //    and append the result to url's query.
            url.query += utf8PercentEncodeString(buffer, querySet, false);
            // 3. Set buffer to the empty string.
            buffer = "";
            // 4. If c is U+0023 (#), then set url's fragment to the empty string and state to
            //    fragment state.
            if (c === 0x23) {
              url.fragment = "";
              state = FRAGMENT;
            }
          } else if (c !== EOF) {
            // 3. Otherwise, if c is not the EOF code point:
            // 1.–2. Non-URL code points and stray "%" are invalid-URL-unit validation errors.
            // 3. Append c to buffer (with the run of code points up to the next "#").
            const hash = override ? -1 : input.indexOf("#", pointer);
            const end = hash === -1 ? length : hash;
            buffer += input.slice(pointer, end);
            pointer = end - 1;
          }
          break;

        case FRAGMENT:
          // 1. If c is not the EOF code point, then:
          if (c !== EOF) {
            // 1.–2. Non-URL code points and stray "%" are invalid-URL-unit validation errors.
            // 3. UTF-8 percent-encode c using the fragment percent-encode set and append the
            //    result to url's fragment.
            if (c < 0x80) {
              url.fragment += (SET_TABLE[c] & FRAGMENT_SET) !== 0 ? percentEncodeByte(c) : input[pointer];
            } else {
              const cp = scalarAt(input, pointer);
              if (cp > 0xFFFF) pointer++;
              url.fragment += percentEncodeUtf8(cp);
            }
          }
          break;

        default:
          throw new Error("unknown URL parser state " + state);
      }
      if (pointer >= length) break;
    }
    // 10. Return url.
    return url;
  }

  // Set the username / set the password.
  function setUsername(url, username) {
    url.username = utf8PercentEncodeString(username, USERINFO_SET, false);
  }

  function setPassword(url, password) {
    url.password = utf8PercentEncodeString(password, USERINFO_SET, false);
  }

  // ------------------------------------------------------------------ serializers and origin

  // The URL serializer.
  function serializeURL(url, excludeFragment = false) {
    // 1. Let output be url's scheme and U+003A (:) concatenated.
    let output = url.scheme + ":";
    // 2. If url's host is non-null:
    if (url.host !== null) {
      // 1. Append "//" to output.
      output += "//";
      // 2. If url includes credentials, then:
      if (includesCredentials(url)) {
        // 1. Append url's username to output.
        output += url.username;
        // 2. If url's password is not the empty string, then append ":" and the password.
        if (url.password !== "") output += ":" + url.password;
        // 3. Append U+0040 (@) to output.
        output += "@";
      }
      // 3. Append url's host, serialized, to output.
      output += serializeHost(url.host);
      // 4. If url's port is non-null, append ":" followed by url's port, serialized, to output.
      if (url.port !== null) output += ":" + url.port;
    }
    // 3. If url's host is null, url does not have an opaque path, url's path's size is greater
    //    than 1, and url's path[0] is the empty string, then append "/." to output.
    if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === "") {
      output += "/.";
    }
    // 4. Append the result of URL path serializing url to output.
    output += serializePath(url);
    // 5. If url's query is non-null, append U+003F (?), followed by url's query, to output.
    if (url.query !== null) output += "?" + url.query;
    // 6. If exclude fragment is false and url's fragment is non-null, then append U+0023 (#),
    //    followed by url's fragment, to output.
    if (!excludeFragment && url.fragment !== null) output += "#" + url.fragment;
    // 7. Return output.
    return output;
  }

  // The URL path serializer.
  function serializePath(url) {
    // 1. If url has an opaque path, then return url's path.
    if (hasOpaquePath(url)) return url.path;
    // 2.–3. For each segment of url's path: append U+002F (/) followed by segment to output.
    let output = "";
    for (const segment of url.path) output += "/" + segment;
    // 4. Return output.
    return output;
  }

  // The serialization of a URL's origin (HTML's "serialization of an origin"): "null" for an
  // opaque origin, else scheme "://" host [":" port].
  function serializeOrigin(url) {
    switch (url.scheme) {
      case "blob": {
        // 1. (No blob URL entries are resolved here.)
        // 2. Let pathURL be the result of parsing the result of URL path serializing url.
        const pathURL = basicParse(serializePath(url));
        // 3. If pathURL is failure, then return a new opaque origin.
        if (pathURL === null) return "null";
        // 4. If pathURL's scheme is "http", "https", or "file", then return pathURL's origin.
        if (pathURL.scheme === "http" || pathURL.scheme === "https" || pathURL.scheme === "file") {
          return serializeOrigin(pathURL);
        }
        // 5. Return a new opaque origin.
        return "null";
      }
      case "ftp": case "http": case "https": case "ws": case "wss":
        // Return the tuple origin (url's scheme, url's host, url's port, null).
        return url.scheme + "://" + serializeHost(url.host) + (url.port !== null ? ":" + url.port : "");
      default:
        // "file": when in doubt, return a new opaque origin. Otherwise: a new opaque origin.
        return "null";
    }
  }

  // ------------------------------------------------------------------ application/x-www-form-urlencoded

  // The application/x-www-form-urlencoded string parser: a list of [name, value] pairs.
  function parseUrlencoded(input) {
    // 1. Let sequences be the result of splitting input on 0x26 (&).
    const sequences = input.split("&");
    // 2. Let output be an initially empty list of name-value tuples.
    const output = [];
    // 3. For each byte sequence bytes in sequences:
    for (const bytes of sequences) {
      // 1. If bytes is the empty byte sequence, then continue.
      if (bytes === "") continue;
      // 2. If bytes contains a 0x3D (=), then name is the part before the first "=" and value
      //    the part after it.
      // 3. Otherwise, name is bytes and value is the empty byte sequence.
      const eq = bytes.indexOf("=");
      const name = eq === -1 ? bytes : bytes.slice(0, eq);
      const value = eq === -1 ? "" : bytes.slice(eq + 1);
      // 4. Replace any 0x2B (+) in name and value with 0x20 (SP).
      // 5. Let nameString and valueString be the result of running UTF-8 decode without BOM on
      //    the percent-decoding of name and value, respectively.
      // 6. Append (nameString, valueString) to output.
      output.push([decodeFormComponent(name), decodeFormComponent(value)]);
    }
    // 4. Return output.
    return output;
  }

  function decodeFormComponent(s) {
    if (s.indexOf("+") !== -1) s = s.replace(/\+/g, " ");
    // Without a "%" the UTF-8 round trip of a scalar value string is the identity.
    if (s.indexOf("%") === -1) return s;
    return internals.encoding.utf8DecodeWithoutBOM(percentDecodeString(s));
  }

  // The application/x-www-form-urlencoded serializer, for UTF-8.
  function serializeUrlencoded(tuples) {
    // 1. Set encoding to the result of getting an output encoding from encoding (UTF-8).
    // 2. Let output be the empty string.
    let output = "";
    // 3. For each tuple of tuples:
    for (let i = 0; i < tuples.length; i++) {
      // 1. Assert: tuple's name and tuple's value are scalar value strings.
      // 2.–3. Let name and value be the result of running percent-encode after encoding with
      //       encoding, the tuple's name/value, and the application/x-www-form-urlencoded set.
      const name = utf8PercentEncodeString(tuples[i][0], FORM_URLENCODED_SET, true);
      const value = utf8PercentEncodeString(tuples[i][1], FORM_URLENCODED_SET, true);
      // 4. If output is not the empty string, then append U+0026 (&) to output.
      if (i > 0) output += "&";
      // 5. Append name, followed by U+003D (=), followed by value, to output.
      output += name + "=" + value;
    }
    // 4. Return output.
    return output;
  }

  // ------------------------------------------------------------------ URLSearchParams

  // Cross-class access to private state, bound inside the class bodies below.
  let searchParamsSetList;
  let searchParamsSetURLObject;
  let searchParamsList;
  let isURLSearchParams;
  let urlRecordOf;
  let isURL;
  // Set only while fromRecord() runs the URL constructor for a record it already has.
  let pendingRecord = null;

  // The USVString converter, and an optional USVString where undefined means "not given".
  function toUSVString(value, prefix, context) {
    return webidl.converters.USVString(value, prefix, context);
  }

  const convertSequenceOfUSVString = webidl.createSequenceConverter(webidl.converters.USVString);
  const convertRecordOfUSVString = webidl.createRecordConverter(
    webidl.converters.USVString, webidl.converters.USVString);

  /**
   * Converts URLSearchParams's init argument, the union
   * (sequence<sequence<USVString>> or record<USVString, USVString> or USVString), per WebIDL.
   * Returns a list of pairs or a string.
   */
  function convertSearchParamsInit(init, prefix) {
    const context = "Argument 1";
    if (init !== null && (typeof init === "object" || typeof init === "function")) {
      // An object: a sequence if it has an @@iterator method, else a record.
      const method = init[Symbol.iterator];
      if (method !== undefined && method !== null) {
        if (typeof method !== "function") {
          throw new TypeError(`${prefix}: ${context} is not iterable.`);
        }
        const pairs = [];
        const iterator = method.call(init);
        if (iterator === null || (typeof iterator !== "object" && typeof iterator !== "function")) {
          throw new TypeError(`${prefix}: ${context} is not iterable.`);
        }
        const next = iterator.next;
        for (;;) {
          const step = next.call(iterator);
          if (step === null || (typeof step !== "object" && typeof step !== "function")) {
            throw new TypeError(`${prefix}: iterator result is not an object.`);
          }
          if (step.done) break;
          pairs.push(convertSequenceOfUSVString(step.value, prefix, `${context}[${pairs.length}]`));
        }
        return pairs;
      }
      const record = convertRecordOfUSVString(init, prefix, context);
      const pairs = [];
      for (const name of Object.keys(record)) pairs.push([name, record[name]]);
      return pairs;
    }
    return toUSVString(init, prefix, context);
  }

  const iteratorKinds = { KEYS: 0, VALUES: 1, ENTRIES: 2 };

  class URLSearchParams {
    // list: [name, value] pairs; urlObject: null or the URL object whose query this mirrors.
    #list = [];
    #urlObject = null;

    static {
      searchParamsSetList = (params, list) => {
        params.#list = list;
      };
      searchParamsSetURLObject = (params, url) => {
        params.#urlObject = url;
      };
      searchParamsList = (params) => params.#list;
      isURLSearchParams = (value) => value !== null && typeof value === "object" && #list in value;
    }

    constructor(init = "") {
      const prefix = "Failed to construct 'URLSearchParams'";
      init = convertSearchParamsInit(init, prefix);
      this[webidl.brand] = webidl.brand;
      // 1. If init is a string and starts with U+003F (?), then remove the first code point.
      if (typeof init === "string" && init.charCodeAt(0) === 0x3F) init = init.slice(1);
      // 2. Initialize this with init.
      //    1. If init is a sequence, then for each innerSequence of init: if its size is not 2,
      //       throw a TypeError; append (innerSequence[0], innerSequence[1]) to the list.
      //    2. Otherwise, if init is a record, append each name → value.
      //    3. Otherwise, set the list to the result of parsing init.
      if (typeof init === "string") {
        this.#list = init === "" ? [] : parseUrlencoded(init);
      } else {
        for (const pair of init) {
          if (pair.length !== 2) {
            throw new TypeError(`${prefix}: a name-value pair must have exactly two items, not ${pair.length}.`);
          }
        }
        this.#list = init;
      }
    }

    // Update steps: mirror the list into the URL object's query.
    #update() {
      // 1. If query's URL object is null, then return.
      if (this.#urlObject === null) return;
      // 2. Let serializedQuery be the serialization of query's list.
      let serializedQuery = serializeUrlencoded(this.#list);
      // 3. If serializedQuery is the empty string, then set serializedQuery to null.
      if (serializedQuery === "") serializedQuery = null;
      // 4. Set query's URL object's URL's query to serializedQuery.
      urlRecordOf(this.#urlObject).query = serializedQuery;
    }

    get size() {
      assertSearchParams(this);
      return this.#list.length;
    }

    append(name, value) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'append' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      name = toUSVString(name, prefix, "Argument 1");
      value = toUSVString(value, prefix, "Argument 2");
      // 1. Append (name, value) to this's list.
      this.#list.push([name, value]);
      // 2. Update this.
      this.#update();
    }

    delete(name, value = undefined) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'delete' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = toUSVString(name, prefix, "Argument 1");
      if (value !== undefined) {
        value = toUSVString(value, prefix, "Argument 2");
        // 1. If value is given, then remove all tuples whose name is name and value is value.
        this.#list = this.#list.filter((pair) => pair[0] !== name || pair[1] !== value);
      } else {
        // 2. Otherwise, remove all tuples whose name is name.
        this.#list = this.#list.filter((pair) => pair[0] !== name);
      }
      // 3. Update this.
      this.#update();
    }

    get(name) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'get' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = toUSVString(name, prefix, "Argument 1");
      // Return the value of the first tuple whose name is name, if any; otherwise null.
      for (const pair of this.#list) {
        if (pair[0] === name) return pair[1];
      }
      return null;
    }

    getAll(name) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'getAll' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = toUSVString(name, prefix, "Argument 1");
      // Return the values of all tuples whose name is name, in list order.
      const values = [];
      for (const pair of this.#list) {
        if (pair[0] === name) values.push(pair[1]);
      }
      return values;
    }

    has(name, value = undefined) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'has' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = toUSVString(name, prefix, "Argument 1");
      if (value !== undefined) {
        value = toUSVString(value, prefix, "Argument 2");
        // 1. If value is given and there is a tuple whose name is name and value is value, then
        //    return true.
        return this.#list.some((pair) => pair[0] === name && pair[1] === value);
      }
      // 2. If value is not given and there is a tuple whose name is name, then return true.
      // 3. Return false.
      return this.#list.some((pair) => pair[0] === name);
    }

    set(name, value) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'set' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      name = toUSVString(name, prefix, "Argument 1");
      value = toUSVString(value, prefix, "Argument 2");
      // 1. If this's list contains any tuples whose name is name, then set the value of the
      //    first such tuple to value and remove the others.
      const list = this.#list;
      const first = list.findIndex((pair) => pair[0] === name);
      if (first !== -1) {
        list[first] = [name, value];
        this.#list = list.filter((pair, i) => i <= first || pair[0] !== name);
      } else {
        // 2. Otherwise, append (name, value) to this's list.
        list.push([name, value]);
      }
      // 3. Update this.
      this.#update();
    }

    sort() {
      assertSearchParams(this);
      // 1. Set this's list to the result of sorting in ascending order this's list, with a being
      //    less than b if a's name is code unit less than b's name. (Array.prototype.sort is
      //    stable, and the default string comparison is by code units.)
      this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      // 2. Update this.
      this.#update();
    }

    // The value pairs to iterate over are this's list's tuples; iteration reads the live list.
    entries() {
      assertSearchParams(this);
      return createParamsIterator(this, iteratorKinds.ENTRIES);
    }

    keys() {
      assertSearchParams(this);
      return createParamsIterator(this, iteratorKinds.KEYS);
    }

    values() {
      assertSearchParams(this);
      return createParamsIterator(this, iteratorKinds.VALUES);
    }

    forEach(callback, thisArg = undefined) {
      assertSearchParams(this);
      const prefix = "Failed to execute 'forEach' on 'URLSearchParams'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      if (typeof callback !== "function") {
        throw new TypeError(`${prefix}: Argument 1 is not a function.`);
      }
      // WebIDL forEach: re-read the list each step, so changes during iteration are seen.
      for (let i = 0; i < this.#list.length; i++) {
        const pair = this.#list[i];
        callback.call(thisArg, pair[1], pair[0], this);
      }
    }

    // The stringification behavior: the serialization of this's list.
    toString() {
      assertSearchParams(this);
      return serializeUrlencoded(this.#list);
    }

  }

  // Brand checks use the private fields (only objects the constructor made have them); the
  // webidl brand is set too, so other layers' interface converters accept these objects.
  function assertSearchParams(self) {
    if (!isURLSearchParams(self)) throw new TypeError("Illegal invocation");
  }

  const URLSearchParamsPrototype = URLSearchParams.prototype;

  // The default iterator objects of the pair iterable (WebIDL "default iterator object").
  const iteratorState = new WeakMap();
  const URLSearchParamsIteratorPrototype = Object.create(
    Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
    {
      next: {
        value: function next() {
          const state = iteratorState.get(this);
          if (state === undefined) throw new TypeError("Illegal invocation");
          const list = searchParamsList(state.target);
          if (state.index >= list.length) return { value: undefined, done: true };
          const pair = list[state.index++];
          switch (state.kind) {
            case iteratorKinds.KEYS: return { value: pair[0], done: false };
            case iteratorKinds.VALUES: return { value: pair[1], done: false };
            default: return { value: [pair[0], pair[1]], done: false };
          }
        },
        writable: true,
        enumerable: true,
        configurable: true,
      },
      [Symbol.toStringTag]: { value: "URLSearchParams Iterator", configurable: true },
    },
  );

  function createParamsIterator(target, kind) {
    const iterator = Object.create(URLSearchParamsIteratorPrototype);
    iteratorState.set(iterator, { target, kind, index: 0 });
    return iterator;
  }

  // ------------------------------------------------------------------ parse cache

  /*
   * Run without a URL and a state override, the basic URL parser is a pure function of its input and
   * base, and uncompiled it costs about a millisecond per URL, while programs parse the same strings
   * over and over (a bot reconnecting, a thousand sockets opened to one server). The latest results
   * are kept, failures too; every caller gets its own copy, since URL records are mutable.
   */
  const PARSE_CACHE_ENTRIES = 64;
  const PARSE_CACHE_MAX_INPUT = 2048;
  const parseCache = new webidl.SafeMap();
  const baseRecordIds = new WeakMap();
  let nextBaseRecordId = 0;

  /**
   * basicParse(input, base) through the cache. baseKey names the base: null without one, the base's
   * string when it was parsed from one (the API URL parser), else the base record itself, which is
   * then keyed by identity and must not change afterwards (the layer's location record never does).
   */
  function cachedParse(input, base, baseKey) {
    if (input.length > PARSE_CACHE_MAX_INPUT) return basicParse(input, base);
    let key;
    if (baseKey === null) {
      key = "\n" + input;
    } else if (typeof baseKey === "string") {
      if (baseKey.length > PARSE_CACHE_MAX_INPUT) return basicParse(input, base);
      key = "s" + baseKey.length + ":" + baseKey + "\n" + input;
    } else {
      let id = baseRecordIds.get(baseKey);
      if (id === undefined) {
        id = ++nextBaseRecordId;
        baseRecordIds.set(baseKey, id);
      }
      key = "r" + id + "\n" + input;
    }
    let record = parseCache.get(key);
    if (record === undefined) {
      record = basicParse(input, base);
      if (parseCache.size >= PARSE_CACHE_ENTRIES) parseCache.delete(parseCache.keys().next().value);
    } else {
      parseCache.delete(key); // most recently used last
    }
    parseCache.set(key, record);
    return record === null ? null : cloneRecord(record);
  }

  // ------------------------------------------------------------------ URL

  // The API URL parser: parse base (if given), then url against it. Returns a record or null.
  function apiParse(url, base) {
    // 1. Let parsedBase be null.
    let parsedBase = null;
    // 2. If base is non-null:
    if (base !== undefined) {
      // 1. Set parsedBase to the result of running the basic URL parser on base.
      parsedBase = cachedParse(base, null, null);
      // 2. If parsedBase is failure, then return failure.
      if (parsedBase === null) return null;
    }
    // 3. Return the result of running the basic URL parser on url with parsedBase.
    return cachedParse(url, parsedBase, base === undefined ? null : base);
  }

  class URL {
    #url;
    #query;

    static {
      urlRecordOf = (url) => url.#url;
      isURL = (value) => value !== null && typeof value === "object" && #url in value;
    }

    constructor(url, base = undefined) {
      this[webidl.brand] = webidl.brand;
      if (pendingRecord !== null) {
        const record = pendingRecord;
        pendingRecord = null;
        this.#initialize(record);
        return;
      }
      const prefix = "Failed to construct 'URL'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      url = toUSVString(url, prefix, "Argument 1");
      if (base !== undefined) base = toUSVString(base, prefix, "Argument 2");
      // 1. Let parsedURL be the result of running the API URL parser on url with base, if given.
      const parsedURL = apiParse(url, base);
      // 2. If parsedURL is failure, then throw a TypeError.
      if (parsedURL === null) {
        throw new TypeError(`${prefix}: Invalid URL${base !== undefined ? " (with a base)" : ""}: '${url}'`);
      }
      // 3. Initialize this with parsedURL.
      this.#initialize(parsedURL);
    }

    // Initialize a URL object with a URL record.
    #initialize(urlRecord) {
      // 1. Let query be urlRecord's query, if that is non-null; otherwise the empty string.
      const query = urlRecord.query ?? "";
      // 2. Set url's URL to urlRecord.
      this.#url = urlRecord;
      // 3. Set url's query object to a new URLSearchParams object.
      // 4. Initialize url's query object with query.
      const params = new URLSearchParams();
      if (query !== "") searchParamsSetList(params, parseUrlencoded(query));
      this.#query = params;
      // 5. Set url's query object's URL object to url.
      searchParamsSetURLObject(params, this);
    }

    static parse(url, base = undefined) {
      const prefix = "Failed to execute 'parse' on 'URL'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      url = toUSVString(url, prefix, "Argument 1");
      if (base !== undefined) base = toUSVString(base, prefix, "Argument 2");
      // 1. Let parsedURL be the result of running the API URL parser on url with base, if given.
      const parsedURL = apiParse(url, base);
      // 2. If parsedURL is failure, then return null.
      if (parsedURL === null) return null;
      // 3. Let url be a new URL object.
      // 4. Initialize url with parsedURL.
      // 5. Return url.
      return fromRecord(parsedURL);
    }

    static canParse(url, base = undefined) {
      const prefix = "Failed to execute 'canParse' on 'URL'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      url = toUSVString(url, prefix, "Argument 1");
      if (base !== undefined) base = toUSVString(base, prefix, "Argument 2");
      // 1. Let parsedURL be the result of running the API URL parser on url with base, if given.
      // 2. If parsedURL is failure, then return false.
      // 3. Return true.
      return apiParse(url, base) !== null;
    }

    get href() {
      assertURL(this);
      // Return the serialization of this's URL.
      return serializeURL(this.#url);
    }

    set href(value) {
      assertURL(this);
      const prefix = "Failed to set the 'href' property on 'URL'";
      value = toUSVString(value, prefix, "Value");
      // 1. Let parsedURL be the result of running the basic URL parser on the given value.
      const parsedURL = basicParse(value);
      // 2. If parsedURL is failure, then throw a TypeError.
      if (parsedURL === null) throw new TypeError(`${prefix}: Invalid URL: '${value}'`);
      // 3. Set this's URL to parsedURL.
      this.#url = parsedURL;
      // 4. Empty this's query object's list.
      // 5. Let query be this's URL's query.
      const query = parsedURL.query;
      // 6. If query is non-null, then set this's query object's list to the result of parsing query.
      searchParamsSetList(this.#query, query !== null && query !== "" ? parseUrlencoded(query) : []);
    }

    get origin() {
      assertURL(this);
      // Return the serialization of this's URL's origin.
      return serializeOrigin(this.#url);
    }

    get protocol() {
      assertURL(this);
      // Return this's URL's scheme, followed by U+003A (:).
      return this.#url.scheme + ":";
    }

    set protocol(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'protocol' property on 'URL'", "Value");
      // Basic URL parse the given value, followed by U+003A (:), with this's URL as url and
      // scheme start state as state override.
      basicParse(value + ":", null, this.#url, SCHEME_START);
    }

    get username() {
      assertURL(this);
      return this.#url.username;
    }

    set username(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'username' property on 'URL'", "Value");
      // 1. If this's URL cannot have a username/password/port, then return.
      if (cannotHaveUsernamePasswordPort(this.#url)) return;
      // 2. Set the username given this's URL and the given value.
      setUsername(this.#url, value);
    }

    get password() {
      assertURL(this);
      return this.#url.password;
    }

    set password(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'password' property on 'URL'", "Value");
      // 1. If this's URL cannot have a username/password/port, then return.
      if (cannotHaveUsernamePasswordPort(this.#url)) return;
      // 2. Set the password given this's URL and the given value.
      setPassword(this.#url, value);
    }

    get host() {
      assertURL(this);
      // 1. Let url be this's URL.
      const url = this.#url;
      // 2. If url's host is null, then return the empty string.
      if (url.host === null) return "";
      // 3. If url's port is null, return url's host, serialized.
      if (url.port === null) return serializeHost(url.host);
      // 4. Return url's host, serialized, followed by U+003A (:) and url's port, serialized.
      return serializeHost(url.host) + ":" + url.port;
    }

    set host(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'host' property on 'URL'", "Value");
      // 1. If this's URL has an opaque path, then return.
      if (hasOpaquePath(this.#url)) return;
      // 2. Basic URL parse the given value with this's URL as url and host state as state override.
      basicParse(value, null, this.#url, HOST);
    }

    get hostname() {
      assertURL(this);
      // 1. If this's URL's host is null, then return the empty string.
      if (this.#url.host === null) return "";
      // 2. Return this's URL's host, serialized.
      return serializeHost(this.#url.host);
    }

    set hostname(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'hostname' property on 'URL'", "Value");
      // 1. If this's URL has an opaque path, then return.
      if (hasOpaquePath(this.#url)) return;
      // 2. Basic URL parse the given value with this's URL as url and hostname state as state override.
      basicParse(value, null, this.#url, HOSTNAME);
    }

    get port() {
      assertURL(this);
      // 1. If this's URL's port is null, then return the empty string.
      if (this.#url.port === null) return "";
      // 2. Return this's URL's port, serialized.
      return String(this.#url.port);
    }

    set port(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'port' property on 'URL'", "Value");
      // 1. If this's URL cannot have a username/password/port, then return.
      if (cannotHaveUsernamePasswordPort(this.#url)) return;
      if (value === "") {
        // 2. If the given value is the empty string, then set this's URL's port to null.
        this.#url.port = null;
      } else {
        // 3. Otherwise, basic URL parse the given value with this's URL as url and port state as
        //    state override.
        basicParse(value, null, this.#url, PORT);
      }
    }

    get pathname() {
      assertURL(this);
      // Return the result of URL path serializing this's URL.
      return serializePath(this.#url);
    }

    set pathname(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'pathname' property on 'URL'", "Value");
      // 1. If this's URL has an opaque path, then return.
      if (hasOpaquePath(this.#url)) return;
      // 2. Empty this's URL's path.
      this.#url.path = [];
      // 3. Basic URL parse the given value with this's URL as url and path start state as state
      //    override.
      basicParse(value, null, this.#url, PATH_START);
    }

    get search() {
      assertURL(this);
      // 1. If this's URL's query is either null or the empty string, then return the empty string.
      const query = this.#url.query;
      if (query === null || query === "") return "";
      // 2. Return U+003F (?), followed by this's URL's query.
      return "?" + query;
    }

    set search(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'search' property on 'URL'", "Value");
      // 1. Let url be this's URL.
      const url = this.#url;
      // 2. If the given value is the empty string, then set url's query to null, empty this's
      //    query object's list, and return.
      if (value === "") {
        url.query = null;
        searchParamsSetList(this.#query, []);
        return;
      }
      // 3. Let input be the given value with a single leading U+003F (?) removed, if any.
      const input = value.charCodeAt(0) === 0x3F ? value.slice(1) : value;
      // 4. Set url's query to the empty string.
      url.query = "";
      // 5. Basic URL parse input with url as url and query state as state override.
      basicParse(input, null, url, QUERY);
      // 6. Set this's query object's list to the result of parsing input.
      searchParamsSetList(this.#query, parseUrlencoded(input));
    }

    get searchParams() {
      assertURL(this);
      // Return this's query object.
      return this.#query;
    }

    get hash() {
      assertURL(this);
      // 1. If this's URL's fragment is either null or the empty string, then return the empty string.
      const fragment = this.#url.fragment;
      if (fragment === null || fragment === "") return "";
      // 2. Return U+0023 (#), followed by this's URL's fragment.
      return "#" + fragment;
    }

    set hash(value) {
      assertURL(this);
      value = toUSVString(value, "Failed to set the 'hash' property on 'URL'", "Value");
      // 1. If the given value is the empty string, then set this's URL's fragment to null and return.
      if (value === "") {
        this.#url.fragment = null;
        return;
      }
      // 2. Let input be the given value with a single leading U+0023 (#) removed, if any.
      const input = value.charCodeAt(0) === 0x23 ? value.slice(1) : value;
      // 3. Set this's URL's fragment to the empty string.
      this.#url.fragment = "";
      // 4. Basic URL parse input with this's URL as url and fragment state as state override.
      basicParse(input, null, this.#url, FRAGMENT);
    }

    toJSON() {
      assertURL(this);
      return serializeURL(this.#url);
    }

    // The stringifier: the href getter's steps.
    toString() {
      assertURL(this);
      return serializeURL(this.#url);
    }

  }

  function assertURL(self) {
    if (!isURL(self)) throw new TypeError("Illegal invocation");
  }

  // A new URL object initialized with a URL record (URL.parse, and other layers), without the
  // constructor's argument conversions and parsing.
  function fromRecord(record) {
    pendingRecord = record;
    try {
      return new URL();
    } finally {
      pendingRecord = null;
    }
  }

  webidl.configureInterface(URL);
  webidl.configureInterface(URLSearchParams);
  Object.defineProperty(URLSearchParamsPrototype, Symbol.iterator, {
    value: URLSearchParamsPrototype.entries,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  webidl.exposeInterface(globalThis, "URL", URL);
  webidl.exposeInterface(globalThis, "URLSearchParams", URLSearchParams);

  internals.url = {
    parse(input, base = null) {
      return cachedParse(String(input), base, base);
    },
    serialize: serializeURL,
    serializeOrigin,
    serializeHost,
    cloneRecord,
    isSpecialScheme,
    defaultPort,
    URL,
    URLSearchParams,
    fromRecord,
  };
})
