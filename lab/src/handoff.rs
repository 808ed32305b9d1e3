//! Handing data to a worker: what one handoff measured, checked, and the figures
//! derived from it. The page does the posting (`src/experiments/handoff.js`); the
//! arithmetic is here, tested natively.

/// How the numbers reach the worker. Mode ids are public link format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// `structured-clone`: the browser copies the buffer into the worker.
    Clone,
    /// `transfer`: the buffer moves; the page's copy is detached.
    Transfer,
    /// `shared-memory`: only an offset and a length travel; the worker reads the wasm memory.
    Shared,
}

impl Way {
    /// The bytes the browser copies to hand `bytes` over.
    pub fn copied(self, bytes: u64) -> u64 {
        match self {
            Way::Clone => bytes,
            Way::Transfer | Way::Shared => 0,
        }
    }
}

/// Sizes the sweep measures, in KiB: 1 KiB to 64 MiB, a factor of 16 apart.
pub const SWEEP_KIB: [u64; 5] = [1, 16, 256, 4096, 65_536];
pub const MAX_KIB: u64 = 65_536;

/// One handoff, on the clock every thread shares (ms): sent by the page, arrived in the
/// worker, summed there, answer back on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Handoff {
    pub sent: f64,
    pub arrived: f64,
    pub summed: f64,
    pub answered: f64,
    pub total: f64,
    /// The page's buffer's length after sending; `None` when no buffer was sent.
    pub sender_bytes_after: Option<f64>,
}

impl Handoff {
    /// Reads the worker's reply `[sent, arrived, summed, answered, total, bytes after]`
    /// (bytes after: -1 when no buffer was sent), checking it is a real measurement.
    pub fn from_reply(reply: &[f64]) -> Result<Handoff, String> {
        let &[sent, arrived, summed, answered, total, after] = reply else {
            return Err(format!("the worker's reply has {} numbers, not 6", reply.len()));
        };
        if reply.iter().any(|x| !x.is_finite()) {
            return Err("the worker's reply has a number that is not finite".into());
        }
        // The worker's clock may differ from the page's by a fraction of a millisecond.
        if answered < sent || summed < arrived {
            return Err(format!("the times are out of order (sent {sent}, answered {answered})"));
        }
        Ok(Handoff { sent, arrived, summed, answered, total, sender_bytes_after: (after >= 0.0).then_some(after) })
    }

    /// Sent to answered, on the page's clock alone.
    pub fn round_trip_ms(&self) -> f64 {
        self.answered - self.sent
    }

    /// Sent to arrived: the handoff itself (two clocks, so to a fraction of a ms).
    pub fn handoff_ms(&self) -> f64 {
        (self.arrived - self.sent).max(0.0)
    }

    pub fn sum_ms(&self) -> f64 {
        self.summed - self.arrived
    }
}

/// The sum of 1, 2, … `count`: what the worker must answer.
pub fn expected_total(count: u64) -> f64 {
    count as f64 * (count as f64 + 1.0) / 2.0
}

/// Megabytes (10^6 bytes) a second.
pub fn throughput_mb_s(bytes: u64, ms: f64) -> Option<f64> {
    (ms > 0.0).then(|| bytes as f64 / 1e6 / (ms / 1e3))
}

/// "64 MiB", "256 KiB", "1 KiB".
pub fn size_text(kib: u64) -> String {
    if kib >= 1024 && kib % 1024 == 0 { format!("{} MiB", kib / 1024) } else { format!("{kib} KiB") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read_and_checked() {
        let h = Handoff::from_reply(&[100.0, 101.5, 104.0, 104.5, 10.0, 0.0]).unwrap();
        assert_eq!((h.round_trip_ms(), h.handoff_ms(), h.sum_ms()), (4.5, 1.5, 2.5));
        assert_eq!(h.sender_bytes_after, Some(0.0), "a transferred buffer is detached");
        let shared = Handoff::from_reply(&[1.0, 1.0, 2.0, 3.0, 1.0, -1.0]).unwrap();
        assert_eq!(shared.sender_bytes_after, None);
        assert!(Handoff::from_reply(&[1.0, 2.0]).unwrap_err().contains("2 numbers"));
        assert!(Handoff::from_reply(&[1.0, 2.0, 3.0, f64::NAN, 1.0, 0.0]).is_err());
        assert!(Handoff::from_reply(&[5.0, 6.0, 7.0, 4.0, 1.0, 0.0]).unwrap_err().contains("out of order"));
        // The worker's clock a hair behind the page's: no negative handoff.
        assert_eq!(Handoff::from_reply(&[5.0, 4.99, 6.0, 7.0, 1.0, 0.0]).unwrap().handoff_ms(), 0.0);
    }

    #[test]
    fn figures() {
        assert_eq!(expected_total(4), 10.0);
        assert_eq!(expected_total(8 * 1024 * 1024), 35_184_376_283_136.0, "64 MiB of f64 sums exactly");
        assert_eq!(throughput_mb_s(1_000_000, 1.0), Some(1000.0));
        assert_eq!(throughput_mb_s(1, 0.0), None);
        assert_eq!((Way::Clone.copied(10), Way::Transfer.copied(10), Way::Shared.copied(10)), (10, 0, 0));
        assert_eq!(
            (size_text(1), size_text(1024), size_text(65_536), size_text(1536)),
            ("1 KiB".into(), "1 MiB".into(), "64 MiB".into(), "1536 KiB".into())
        );
        assert_eq!(*SWEEP_KIB.last().unwrap(), MAX_KIB);
    }
}
