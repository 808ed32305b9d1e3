//! The one place experiments are declared. Adding one means writing a type that
//! implements [`Experiment`] in its own file and listing it in [`ALL`].

mod collatz;

use crate::app::Shared;
use leptos::prelude::*;

/// An experiment: what the list shows about it, and its page.
pub trait Experiment: Sync {
    /// Stable identifier, used in links.
    fn slug(&self) -> &'static str;
    fn title(&self) -> &'static str;
    /// One sentence for the list of experiments.
    fn summary(&self) -> &'static str;
    /// Its page: parameters, Run, results.
    fn view(&self, shared: Shared) -> AnyView;
}

pub static ALL: &[&dyn Experiment] = &[&collatz::Collatz];

pub fn find(slug: &str) -> Option<&'static dyn Experiment> {
    ALL.iter().copied().find(|e| e.slug() == slug)
}
