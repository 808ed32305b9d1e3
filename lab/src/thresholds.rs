//! Every line the verdicts, diagnoses and charts draw between "fine" and "not", in
//! one place and named, so a reader can check them and a test pins them.

/// A gap between frames this long (ms) is a freeze: 50 ms is the browser's own limit
/// for a long task, past which a click or key press waits visibly.
pub const FROZEN_FRAME_GAP_MS: f64 = 50.0;
/// A gap this long (ms) is a dropped frame or more at 60 Hz: drawn as "slow".
pub const SLOW_FRAME_GAP_MS: f64 = 25.0;
/// A timer this late (ms) counts as delayed; less is the ordinary jitter of a browser's
/// timers (clamped to 4 ms when nested, coarsened to 0.1 ms or more).
pub const LATE_TIMER_MS: f64 = 20.0;
/// A speedup below this is "no faster": single runs of the same work vary by about 10 %.
pub const NO_GAIN_BELOW: f64 = 1.1;
/// A speedup below this is "slower".
pub const SLOWER_BELOW: f64 = 0.9;
/// Fixed costs (before the first chunk and after the last) above this share of a
/// run: the work is too small for its threads.
pub const FIXED_COST_SHARE: f64 = 0.25;
/// An idle tail above this share of the computing time: the chunks were uneven.
pub const UNEVEN_TAIL_SHARE: f64 = 0.15;
/// The page's own drawing above this share of a run, with every core busy: it took
/// time from the threads.
pub const DRAWING_SHARE: f64 = 0.05;
/// An efficiency below this is short of ideal enough to account for where the rest went.
pub const NEAR_IDEAL_EFFICIENCY: f64 = 0.9;
/// An efficiency below this for a memory-bound kernel is put down to memory.
pub const MEMORY_BOUND_EFFICIENCY: f64 = 0.8;
/// A predicted speedup within this share of the measured one counts as right.
pub const PREDICTION_TOLERANCE: f64 = 0.2;
/// Comparisons of modes whose medians differ by less than this factor call them even.
pub const SAME_TIME_WITHIN: f64 = 1.1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_are_ordered_as_their_meanings_need() {
        assert!(SLOW_FRAME_GAP_MS < FROZEN_FRAME_GAP_MS);
        assert!(LATE_TIMER_MS < FROZEN_FRAME_GAP_MS, "a freeze always makes a timer late");
        assert!(SLOWER_BELOW < 1.0 && 1.0 < NO_GAIN_BELOW);
        assert!(MEMORY_BOUND_EFFICIENCY < NEAR_IDEAL_EFFICIENCY);
        for share in
            [FIXED_COST_SHARE, UNEVEN_TAIL_SHARE, DRAWING_SHARE, MEMORY_BOUND_EFFICIENCY, NEAR_IDEAL_EFFICIENCY]
        {
            assert!(share > 0.0 && share < 1.0);
        }
    }
}
