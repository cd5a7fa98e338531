package export

import "bytes"

// indentState lays out compact JSON from encoding/json as json.Indent(dst,
// src, "", "  ") does, byte for byte, fed a chunk at a time. Knowing its
// input is valid, it tracks only strings and nesting, where json.Indent
// runs the full syntax checker.
type indentState struct {
	depth             int
	inString, escaped bool
	// open is set when the last byte was '{' or '[' whose newline waits to
	// see whether the object or array is empty.
	open bool
}

func (st *indentState) newline(dst []byte) []byte {
	dst = append(dst, '\n')
	for range st.depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}

func (st *indentState) indent(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		// Inside a string, copy up to the next quote or backslash at once:
		// strings are most of a transcript's JSON.
		if st.inString && !st.escaped && !st.open {
			j := bytes.IndexAny(src[i:], "\"\\")
			if j < 0 {
				return append(dst, src[i:]...)
			}
			dst = append(dst, src[i:i+j]...)
			i += j
			c = src[i]
		}
		if st.open {
			st.open = false
			// An empty object or array stays on its line.
			if c == '}' || c == ']' {
				dst = append(dst, c)
				continue
			}
			st.depth++
			dst = st.newline(dst)
		}
		if st.inString {
			dst = append(dst, c)
			switch {
			case st.escaped:
				st.escaped = false
			case c == '\\':
				st.escaped = true
			case c == '"':
				st.inString = false
			}
			continue
		}
		switch c {
		case '"':
			st.inString = true
			dst = append(dst, c)
		case '{', '[':
			dst = append(dst, c)
			st.open = true
		case '}', ']':
			st.depth--
			dst = st.newline(dst)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = st.newline(dst)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
