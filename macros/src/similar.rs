//! "Did you mean" suggestions for misspelt keys, and the edit distance the catalog's
//! suggestions use too.

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

/// The candidate closest to `word`, if it is close enough to be a likely misspelling: at most
/// one edit for every three characters (and at least one edit allowed).
pub fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let longest = |c: &str| c.chars().count().max(word.chars().count());
    candidates
        .iter()
        .map(|&candidate| (distance(word, candidate), candidate))
        .filter(|&(d, candidate)| d > 0 && d <= (longest(candidate) / 3).max(1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// `` `a`, `b` and `c` `` for a message.
pub fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
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
        assert_eq!(closest("scopes", &keys), Some("scope"));
        assert_eq!(closest("respones", &keys), Some("response"));
        assert_eq!(closest("teir", &keys), Some("tier"));
        assert_eq!(closest("write", &keys), Some("writes"));
    }

    #[test]
    fn far_words_are_not_suggested() {
        let keys = ["scope", "tier", "response", "verb"];
        assert_eq!(closest("method", &keys), None);
        assert_eq!(closest("x", &keys), None);
        assert_eq!(closest("scope", &keys), None);
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
