//! Thin wrappers over the browser's APIs, each a hook or a few functions: the address
//! bar, the clock, frames, visibility, long tasks, memory, downloads, yielding to the
//! event loop. Nothing here imports the rest of the crate; everything above calls the
//! browser through these or through `bridge`.

pub mod address_bar;
pub mod animation_frames;
pub mod clock;
pub mod devtools_timings;
pub mod document_mark;
pub mod download;
pub mod element_width;
pub mod environment;
pub mod fetch_text;
pub mod js_error;
pub mod long_tasks;
pub mod memory;
pub mod page_templates;
pub mod page_visibility;
pub mod yielding;
