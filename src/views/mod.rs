//! What draws: an experiment's page, the charts, the Compare view, the environment
//! panel, presenter mode and the header's responsiveness indicator. Views read the
//! run's handles and records; they start nothing but through the runner.

pub mod charts;
pub mod compare_view;
pub mod copyable_link;
pub mod environment_panel;
pub mod page;
pub mod presenter;
pub mod responsiveness;
