//! Byte offsets to 1-based lines and columns. The only place where positions are converted,
//! so every shell (CLI, action, playground) agrees on them.

/// A position as people see it: `column` counts Unicode scalar values, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line.
    line_starts: Vec<usize>,
    len: usize,
    /// For text that is not all ASCII: the number of characters before every
    /// [`CHECKPOINT_BYTES`]-th byte, so a column is counted along at most that many bytes
    /// instead of along the whole line (20,000 findings on one 1 MB flow-style line counted
    /// the line 20,000 times). Empty for ASCII text, where a column is a byte difference.
    chars_before: Vec<usize>,
}

/// How far apart the character-count checkpoints of non-ASCII text are.
const CHECKPOINT_BYTES: usize = 256;

/// Whether `byte` starts a character (is not a UTF-8 continuation byte).
fn starts_char(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let chars_before = if text.is_ascii() {
            Vec::new()
        } else {
            let mut count = 0;
            text.as_bytes()
                .chunks(CHECKPOINT_BYTES)
                .map(|chunk| {
                    let before = count;
                    count += chunk.iter().filter(|&&b| starts_char(b)).count();
                    before
                })
                .collect()
        };
        LineIndex {
            line_starts,
            len: text.len(),
            chars_before,
        }
    }

    /// The number of characters in `text[..offset]`; `offset` is on a character boundary.
    fn chars_up_to(&self, text: &str, offset: usize) -> usize {
        if self.chars_before.is_empty() {
            return offset;
        }
        let block = offset / CHECKPOINT_BYTES;
        let from = block * CHECKPOINT_BYTES;
        let counted = text.as_bytes()[from..offset]
            .iter()
            .filter(|&&b| starts_char(b))
            .count();
        self.chars_before.get(block).copied().unwrap_or_default() + counted
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line holding `offset` (clamped to the text).
    fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Locates a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character count as that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        // An offset inside a multi-byte character counts as that character.
        let mut end = offset;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        // A `\r` that ends the line (before `\n` or at the end of the file) is part of the line
        // break, as in `line_span`: an offset just after it is still the end of the line.
        let ends_line = text.as_bytes().get(offset).is_none_or(|&b| b == b'\n');
        if ends_line && end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Position {
            line: line + 1,
            column: self.chars_up_to(text, end) - self.chars_up_to(text, start) + 1,
        }
    }

    /// The 1-based line holding `offset` (clamped to the text).
    pub fn line(&self, offset: usize) -> usize {
        self.line_of(offset.min(self.len)) + 1
    }

    /// The byte offset of a position, the inverse of [`LineIndex::position`]: `line` 1-based,
    /// `column` 1-based in Unicode scalar values. A column past the end of the line is the end
    /// of the line (before its terminator); a line past the end of the text is its end.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        if line > self.line_starts.len() {
            return self.len;
        }
        let (start, end) = self.line_span(text, line);
        let visible = text.get(start..end).unwrap_or("");
        visible
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(end, |(at, _)| start + at)
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> (usize, usize) {
        let index = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[index];
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.len, |next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_positions() {
        let text = "a: 1\nbb: 2\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0).line, 1);
        let p = index.position(text, 5);
        assert_eq!((p.line, p.column), (2, 1));
        let p = index.position(text, 8);
        assert_eq!((p.line, p.column), (2, 4));
        assert_eq!(index.line_span(text, 2), (5, 10));
    }

    #[test]
    fn non_ascii_columns_count_characters() {
        let text = "é😀x";
        let index = LineIndex::new(text);
        let x = text.find('x').expect("x is in the text");
        let p = index.position(text, x);
        assert_eq!(p.column, 3);
    }

    #[test]
    fn columns_across_checkpoints_agree_with_counting_characters() {
        let line: String = (0..700).map(|i| ["a", "é", "😀", "\r"][i % 4]).collect();
        let text = format!("x\n{line}\r\n{line}é");
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() {
            let before = &text.as_bytes()[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |at| at + 1);
            let mut end = offset;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let ends_line = text.as_bytes().get(offset).is_none_or(|&b| b == b'\n');
            let prefix = &text[start..end];
            let prefix = match prefix.strip_suffix('\r') {
                Some(visible) if ends_line => visible,
                _ => prefix,
            };
            let expected = Position {
                line,
                column: prefix.chars().count() + 1,
            };
            assert_eq!(index.position(&text, offset), expected, "offset {offset}");
            assert_eq!(index.line(offset), line);
        }
    }

    #[test]
    fn offsets_invert_positions_on_every_character() {
        let text = "a: é\r\n😀x: 1\nlast";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().filter(|&(_, c)| c != '\n' && c != '\r') {
            let p = index.position(text, offset);
            assert_eq!(index.offset(text, p.line, p.column), offset, "{p:?}");
        }
        let x = text.find('x').expect("x is in the text");
        assert_eq!(index.offset(text, 2, 2), x, "the emoji is one column");
        assert_eq!(index.offset(text, 1, 99), text.find('\r').expect("crlf"));
        assert_eq!(index.offset(text, 9, 1), text.len());
        assert_eq!(index.offset(text, 3, 5), text.len());
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        let text = "ab";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 99).column, 3);
    }

    #[test]
    fn crlf_lines_exclude_the_carriage_return() {
        let text = "a\r\nb";
        let index = LineIndex::new(text);
        assert_eq!(index.line_span(text, 1), (0, 1));
        assert_eq!(index.position(text, 3).line, 2);
    }

    #[test]
    fn an_offset_after_a_line_ending_carriage_return_stays_inside_the_line() {
        // Found by fuzzing: a block scalar's span ended after a final `\r`, one column past
        // the line `line_span` reports.
        let text = "ab\r\ncd\r";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3).column, 3);
        assert_eq!(index.position(text, text.len()).column, 3);
        assert_eq!(index.line_span(text, 2), (4, 6));
        let lone = "a\rb";
        assert_eq!(LineIndex::new(lone).position(lone, 2).column, 3);
    }
}
