//! Presenter mode's keyboard, as data: which key does what, and where "next" leads.
//! The app listens for the keys and carries the actions out.

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Run,
    RunEveryMode,
    NextMode,
    NextExperiment,
    PreviousExperiment,
    Compare,
    Fullscreen,
    ShowKeys,
    Leave,
}

/// The keys and what they do, in the order the key list shows them.
pub const KEYS: &[(&str, Action, &str)] = &[
    ("R", Action::Run, "run the chosen mode"),
    ("A", Action::RunEveryMode, "run every mode, side by side"),
    ("M", Action::NextMode, "choose the next mode"),
    ("N", Action::NextExperiment, "next experiment"),
    ("P", Action::PreviousExperiment, "previous experiment"),
    ("C", Action::Compare, "open the comparison of devices"),
    ("F", Action::Fullscreen, "full screen on or off"),
    ("?", Action::ShowKeys, "show or hide these keys"),
    ("Esc", Action::Leave, "hide the keys, then leave presenter mode"),
];

/// The action for a `KeyboardEvent.key`, upper or lower case; `None` for other keys.
pub fn action_for(key: &str) -> Option<Action> {
    let key = if key == "Escape" { "Esc" } else { key };
    KEYS.iter().find(|(k, _, _)| k.eq_ignore_ascii_case(key)).map(|(_, action, _)| *action)
}

/// The place `step` (+1 or -1) from `current` among `count`, going round at the ends;
/// from nowhere (the home page), forward is the first and back the last.
pub fn step_from(current: Option<usize>, count: usize, step: isize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let n = count as isize;
    Some(match current {
        Some(i) => (i as isize + step).rem_euclid(n) as usize,
        None if step >= 0 => 0,
        None => count - 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_either_case_and_escape() {
        assert_eq!(action_for("r"), Some(Action::Run));
        assert_eq!(action_for("R"), Some(Action::Run));
        assert_eq!(action_for("Escape"), Some(Action::Leave));
        assert_eq!(action_for("?"), Some(Action::ShowKeys));
        assert_eq!(action_for("c"), Some(Action::Compare));
        assert_eq!(action_for("x"), None);
        assert_eq!(action_for("Enter"), None);
        let mut keys: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
        keys.dedup();
        assert_eq!(keys.len(), KEYS.len(), "one action a key");
    }

    #[test]
    fn next_and_previous_go_round() {
        assert_eq!(step_from(Some(0), 3, 1), Some(1));
        assert_eq!(step_from(Some(2), 3, 1), Some(0));
        assert_eq!(step_from(Some(0), 3, -1), Some(2));
        assert_eq!(step_from(None, 3, 1), Some(0));
        assert_eq!(step_from(None, 3, -1), Some(2));
        assert_eq!(step_from(Some(0), 0, 1), None);
    }
}
