//! The words of diagnostics: "did you mean" suggestions (one edit distance, one threshold, for
//! method names, parameters, scopes and keys alike), the one way lists are written, and the one
//! message for an unknown key.

/// The edit distance between `a` and `b`, counting insertions, deletions, substitutions and
/// swaps of two neighbouring characters as one edit each (optimal string alignment).
/// Letters are compared without regard to case.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    // Three rows of the dynamic-programming table: two back, one back, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The candidates nearest to `input`, for a "did you mean", best first (at most 3; empty when
/// nothing is close). A candidate that differs only in ASCII case wins alone; otherwise those at
/// the smallest edit distance, if that distance is small for the input's length: 1 edit up to 7
/// characters, 2 up to 11, 3 beyond.
pub fn nearest<'c>(input: &str, candidates: impl Iterator<Item = &'c str> + Clone) -> Vec<&'c str> {
    if let Some(same) = candidates
        .clone()
        .find(|candidate| candidate.eq_ignore_ascii_case(input))
    {
        return if same == input {
            Vec::new()
        } else {
            vec![same]
        };
    }
    let limit = (input.chars().count() / 4).clamp(1, 3);
    let mut best = limit + 1;
    let mut found = Vec::new();
    for candidate in candidates {
        let distance = distance(input, candidate);
        if distance > limit {
            continue;
        }
        if distance < best {
            best = distance;
            found.clear();
        }
        if distance == best {
            found.push(candidate);
        }
    }
    found.sort_unstable();
    found.truncate(3);
    found
}

/// Each item in backticks: `` `a` ``.
pub fn quoted<S: std::fmt::Display>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    items.into_iter().map(|item| format!("`{item}`")).collect()
}

/// `a`, `a and b`, `a, b and c` (or with `or`): the one way a diagnostic lists things.
pub fn join(items: &[String], word: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {word} {last}", rest.join(", ")),
    }
}

/// `` `a`, `b` or `c` ``: the alternatives of a "did you mean".
pub fn either(items: &[&str]) -> String {
    join(&quoted(items), "or")
}

/// The message for an unknown key among `known`: "unknown {noun} `x`{place}; did you mean `y`?
/// (the {noun}s are ...)". `key` is `None` when what was written is not a single word.
pub fn unknown_key(noun: &str, place: &str, key: Option<&str>, known: &[&str]) -> String {
    let all = join(&quoted(known), "and");
    let Some(key) = key else {
        return format!("unknown {noun}{place}; the {noun}s are {all}");
    };
    let near = nearest(key, known.iter().copied());
    if near.is_empty() {
        format!("unknown {noun} `{key}`{place}; the {noun}s are {all}")
    } else {
        format!(
            "unknown {noun} `{key}`{place}; did you mean {}? (the {noun}s are {all})",
            either(&near)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("scope", "scope"), 0);
        assert_eq!(distance("scopes", "scope"), 1);
        assert_eq!(distance("Scope", "scope"), 0);
        assert_eq!(distance("respones", "response"), 1);
        assert_eq!(distance("tier", "verb"), 3);
        assert_eq!(distance("", "skip"), 4);
        assert_eq!(distance("renmae", "rename"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("nmae", "name"), 1);
        assert_eq!(distance("zoë", "zoe"), 1);
    }

    #[test]
    fn near_misses_are_suggested() {
        let keys = ["scope", "tier", "response", "verb", "writes", "crate"];
        let near = |word| nearest(word, keys.iter().copied());
        assert_eq!(near("scopes"), ["scope"]);
        assert_eq!(near("respones"), ["response"]);
        assert_eq!(near("teir"), ["tier"]);
        assert_eq!(near("write"), ["writes"]);
        assert_eq!(near("Scope"), ["scope"]);
    }

    #[test]
    fn far_words_and_exact_matches_are_not_suggested() {
        let keys = ["scope", "tier", "response", "verb"];
        let near = |word| nearest(word, keys.iter().copied());
        assert!(near("method").is_empty());
        assert!(near("x").is_empty());
        assert!(near("scope").is_empty());
        assert!(near("").is_empty());
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(join(&[], "and"), "");
        assert_eq!(join(&quoted(["a"]), "and"), "`a`");
        assert_eq!(join(&quoted(["a", "b", "c"]), "and"), "`a`, `b` and `c`");
        assert_eq!(either(&["a", "b"]), "`a` or `b`");
    }

    #[test]
    fn unknown_keys() {
        let known = ["rename", "json"];
        assert_eq!(
            unknown_key("key", " in `#[slack(..)]`", Some("renmae"), &known),
            "unknown key `renmae` in `#[slack(..)]`; did you mean `rename`? (the keys are `rename` and `json`)"
        );
        assert_eq!(
            unknown_key("argument", "", Some("zzz"), &known),
            "unknown argument `zzz`; the arguments are `rename` and `json`"
        );
        assert_eq!(
            unknown_key("argument", "", None, &known),
            "unknown argument; the arguments are `rename` and `json`"
        );
    }
}
