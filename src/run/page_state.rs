//! What a page shows that a link carries (see `playground_lab::scenario`): the text in
//! each knob's input, the mode and the repeats. Created by the app for every
//! experiment, so a link can set it before the page exists and the address bar can follow it.

use leptos::prelude::*;
use playground_lab::catalogue::{About, Mode};
use playground_lab::knobs::{Knob, Values};
use playground_lab::scenario::{REPEATS_KNOB, Settings};

#[derive(Clone, Copy)]
pub struct PageState {
    pub knobs: StoredValue<Vec<RwSignal<String>>>,
    pub mode: RwSignal<Mode>,
    pub repeats: RwSignal<String>,
}

impl PageState {
    pub fn new(settings: Settings) -> Self {
        PageState {
            knobs: StoredValue::new(settings.knobs.into_iter().map(RwSignal::new).collect()),
            mode: RwSignal::new(settings.mode),
            repeats: RwSignal::new(settings.repeats),
        }
    }

    /// The settings, tracked: a reactive context that reads them follows every change.
    pub fn get(&self) -> Settings {
        Settings {
            knobs: self.knobs.with_value(|k| k.iter().map(|t| t.get()).collect()),
            mode: self.mode.get(),
            repeats: self.repeats.get(),
        }
    }

    /// Shows `settings`, keeping any text that already means the same value (so
    /// Back does not turn a typed "30,000,000" into the link's "30000000").
    pub fn set(&self, about: &About, settings: Settings) {
        let keep_or_set = |knob: &Knob, signal: RwSignal<String>, text: String| {
            if !knob.same_value(&signal.get_untracked(), &text) {
                signal.set(text);
            }
        };
        self.knobs.with_value(|k| {
            for ((signal, text), knob) in k.iter().zip(settings.knobs).zip(about.knobs) {
                keep_or_set(knob, *signal, text);
            }
        });
        self.mode.set(settings.mode);
        keep_or_set(&REPEATS_KNOB.0, self.repeats, settings.repeats);
    }

    /// The knob values and repeats as typed now (untracked), or a message per bad value.
    pub fn read(&self, about: &About) -> Result<(Values, u64), Vec<String>> {
        let texts: Vec<String> = self.knobs.with_value(|k| k.iter().map(|t| t.get_untracked()).collect());
        match (Values::parse(about.knobs, &texts), REPEATS_KNOB.parse(&self.repeats.get_untracked())) {
            (Ok(values), Ok(repeats)) => Ok((values, repeats)),
            (values, repeats) => Err(values.err().unwrap_or_default().into_iter().chain(repeats.err()).collect()),
        }
    }
}
