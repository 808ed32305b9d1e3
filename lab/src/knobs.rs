//! Knobs: the parameters a person sets on an experiment's page or in a link.
//!
//! An experiment declares each knob as a typed constant ([`Whole`] or [`Text`]) and
//! lists their [`Knob`] descriptions for its form; a run reads a value through the
//! constant (`values.get(N)`), so a misspelt knob is a compile error, not a panic.

use playground_kernels::params::{group_thousands, nearest_whole, parse_whole};

/// A parameter as the form and the link format see it: key, label and kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Knob {
    /// Its key in links; never one of the link format's own keys.
    pub key: &'static str,
    pub label: &'static str,
    pub kind: KnobKind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KnobKind {
    Whole { min: u64, max: u64, default: u64 },
    Text { max_chars: usize, default: &'static str },
}

/// A whole-number knob: what a run reads a `u64` through.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Whole(pub Knob);

/// A text knob: what a run reads a `String` through.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Text(pub Knob);

impl Whole {
    pub const fn new(key: &'static str, label: &'static str, min: u64, max: u64, default: u64) -> Self {
        Whole(Knob { key, label, kind: KnobKind::Whole { min, max, default } })
    }
    pub const fn knob(self) -> Knob {
        self.0
    }
    /// Parses a typed number against this knob's bounds.
    pub fn parse(self, text: &str) -> Result<u64, String> {
        match self.0.parse(text)? {
            Value::Whole(n) => Ok(n),
            Value::Text(_) => unreachable!("a Whole knob parses to a number"),
        }
    }
}

impl Text {
    pub const fn new(key: &'static str, label: &'static str, max_chars: usize, default: &'static str) -> Self {
        Text(Knob { key, label, kind: KnobKind::Text { max_chars, default } })
    }
    pub const fn knob(self) -> Knob {
        self.0
    }
}

/// A typed knob handle: how [`Values::get`] turns a stored value into the knob's type.
pub trait TypedKnob {
    type Output;
    fn knob(&self) -> &Knob;
    fn from_value(value: Option<&Value>) -> Option<Self::Output>;
}

impl TypedKnob for Whole {
    type Output = u64;
    fn knob(&self) -> &Knob {
        &self.0
    }
    fn from_value(value: Option<&Value>) -> Option<u64> {
        match value {
            Some(Value::Whole(n)) => Some(*n),
            _ => None,
        }
    }
}

impl TypedKnob for Text {
    type Output = String;
    fn knob(&self) -> &Knob {
        &self.0
    }
    fn from_value(value: Option<&Value>) -> Option<String> {
        match value {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }
}

impl Knob {
    pub fn default_text(&self) -> String {
        match self.kind {
            KnobKind::Whole { default, .. } => group_thousands(default),
            KnobKind::Text { default, .. } => default.to_string(),
        }
    }
    pub fn default_value(&self) -> Value {
        match self.kind {
            KnobKind::Whole { default, .. } => Value::Whole(default),
            KnobKind::Text { default, .. } => Value::Text(default.to_string()),
        }
    }
    pub fn is_number(&self) -> bool {
        matches!(self.kind, KnobKind::Whole { .. })
    }
    /// The text to show instead of a rejected `text` (from a link): the nearest value
    /// in range for a number, the default for garbage, the allowed length for text.
    pub fn safe_text(&self, text: &str) -> String {
        match self.kind {
            KnobKind::Whole { min, max, default } => group_thousands(nearest_whole(text, min, max, default)),
            KnobKind::Text { max_chars, .. } => text.chars().take(max_chars).collect(),
        }
    }
    /// How a valid value is written in a link: plain digits for a number.
    pub fn link_text(&self, text: &str) -> String {
        match self.parse(text) {
            Ok(Value::Whole(n)) => n.to_string(),
            _ => text.to_string(),
        }
    }
    /// Whether two texts are both valid and mean the same value ("30,000,000" and "30000000").
    pub fn same_value(&self, a: &str, b: &str) -> bool {
        self.parse(a).is_ok_and(|value| self.parse(b) == Ok(value))
    }
    pub fn parse(&self, text: &str) -> Result<Value, String> {
        match self.kind {
            KnobKind::Whole { min, max, .. } => parse_whole(self.label, text, min, max).map(Value::Whole),
            KnobKind::Text { max_chars, .. } => {
                let count = text.chars().count();
                if count > max_chars {
                    Err(format!("{} is {count} characters long: the most is {max_chars}", self.label))
                } else {
                    Ok(Value::Text(text.to_string()))
                }
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Whole(u64),
    Text(String),
}

/// Parsed knob values, in the experiment's knob order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Values(pub Vec<(&'static str, Value)>);

impl Values {
    /// Every knob at its default.
    pub fn defaults(knobs: &[Knob]) -> Self {
        Values(knobs.iter().map(|k| (k.key, k.default_value())).collect())
    }

    /// Parses the texts of a form, one per knob: every value, or a message per bad one.
    pub fn parse(knobs: &[Knob], texts: &[String]) -> Result<Self, Vec<String>> {
        let mut values = Values::default();
        let mut errors = Vec::new();
        for (knob, text) in knobs.iter().zip(texts) {
            match knob.parse(text) {
                Ok(value) => values.0.push((knob.key, value)),
                Err(why) => errors.push(why),
            }
        }
        if errors.is_empty() { Ok(values) } else { Err(errors) }
    }

    /// The value of `knob`. A knob this experiment does not have reads as its default:
    /// reading never fails at run time (and the experiments' tests list their knobs).
    pub fn get<K: TypedKnob>(&self, knob: K) -> K::Output {
        let key = knob.knob().key;
        K::from_value(self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v))
            .or_else(|| K::from_value(Some(&knob.knob().default_value())))
            .expect("a knob's default has the knob's own type")
    }

    /// `n=1000000 password="hunter2"`, for the table of runs.
    pub fn display(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| match v {
                Value::Whole(n) => format!("{k}={n}"),
                Value::Text(t) => format!("{k}={t:?}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: Whole = Whole::new("n", "N", 2, 1_000, 100);
    const WORD: Text = Text::new("word", "Word", 5, "hi");
    const OTHER: Whole = Whole::new("other", "Other", 0, 9, 7);

    #[test]
    fn typed_handles_read_their_own_values() {
        let values = Values::parse(&[N.knob(), WORD.knob()], &["1,000".into(), "hello".into()]).unwrap();
        assert_eq!(values.get(N), 1000);
        assert_eq!(values.get(WORD), "hello");
        assert_eq!(values.get(OTHER), 7, "a knob the experiment lacks reads as its default");
        assert_eq!(values.display(), "n=1000 word=\"hello\"");
    }

    #[test]
    fn a_form_with_bad_values_gives_one_message_each() {
        let errors = Values::parse(&[N.knob(), WORD.knob()], &["1".into(), "toolong".into()]).unwrap_err();
        assert_eq!(errors, ["N must be at least 2, got 1", "Word is 7 characters long: the most is 5"]);
    }

    #[test]
    fn bounds_and_safe_values() {
        let n = N.knob();
        assert_eq!(n.parse("1e3"), Ok(Value::Whole(1000)));
        assert_eq!(N.parse("1,000"), Ok(1000));
        assert!(N.parse("1").unwrap_err().contains("at least 2"));
        assert!(n.parse("1001").unwrap_err().contains("at most 1,000"));
        assert_eq!(n.safe_text("1e15"), "1,000", "too large: the maximum");
        assert_eq!(n.safe_text("-4"), "2", "negative: the minimum");
        assert_eq!(n.safe_text("fast"), "100", "garbage: the default");
        assert_eq!(WORD.knob().safe_text("abcdefgh"), "abcde", "text: cut to its length");
    }

    #[test]
    fn link_text_and_same_value() {
        let n = N.knob();
        assert_eq!(n.link_text("1,000"), "1000");
        assert_eq!(n.link_text("oops"), "oops", "invalid text is kept as typed");
        assert!(n.same_value("1,000", "1e3"));
        assert!(!n.same_value("999", "1000"));
        assert!(!n.same_value("x", "x"), "invalid texts mean no value");
        assert_eq!(n.default_text(), "100");
        assert_eq!(Values::defaults(&[n, WORD.knob()]).get(WORD), "hi");
    }
}
