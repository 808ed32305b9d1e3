//! Seed 002's future written by hand: a unit that moves one step toward its target each
//! time it is polled, and is ready once it is there. How it asks to be polled again is
//! the lesson: not at all (it is never polled again), by waking itself at once, or by
//! handing its waker to something that wakes it later (a timer).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The 1-D position of the unit, as in the seed.
#[derive(Default)]
pub struct Unit {
    pub pos: i32,
}

pub type UnitRef = Rc<RefCell<Unit>>;

/// How the future arranges its next poll when it returns `Pending`.
pub enum Wake {
    /// It does not: under a real executor it is never polled again.
    Never,
    /// `wake_by_ref` before returning: polled again at once, through the executor's queue.
    ByRef,
    /// Its waker goes to `later`, which calls the consuming `wake` when it is time (a timer).
    Later(Box<dyn Fn(Waker)>),
}

/// The seed's `UnitGotoFuture`, counting its polls and telling `on_poll` the position
/// after each one.
pub struct UnitGoto {
    pub unit: UnitRef,
    pub target_pos: i32,
    pub wake: Wake,
    pub polls: u32,
    pub on_poll: Box<dyn FnMut(u32, i32)>,
}

impl Future for UnitGoto {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context) -> Poll<u32> {
        let this = &mut *self;
        this.polls += 1;
        let pos = this.unit.borrow().pos;
        if pos == this.target_pos {
            (this.on_poll)(this.polls, pos);
            return Poll::Ready(this.polls);
        }
        this.unit.borrow_mut().pos += (this.target_pos - pos).signum();
        (this.on_poll)(this.polls, this.unit.borrow().pos);
        match &this.wake {
            Wake::Never => {}
            Wake::ByRef => cx.waker().wake_by_ref(),
            Wake::Later(later) => later(cx.waker().clone()),
        }
        Poll::Pending
    }
}

/// Polls `future` in a plain loop with a waker that does nothing, at most `limit` times:
/// what an executor does, minus the waiting. `Some(polls)` once it is ready.
pub fn poll_by_hand(future: &mut UnitGoto, limit: u32) -> Option<u32> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut future = Pin::new(future);
    (0..limit).find_map(|_| match future.as_mut().poll(&mut cx) {
        Poll::Ready(polls) => Some(polls),
        Poll::Pending => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goto(from: i32, to: i32, wake: Wake) -> (UnitGoto, Rc<RefCell<Vec<(u32, i32)>>>) {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let log = seen.clone();
        let unit = Rc::new(RefCell::new(Unit { pos: from }));
        let on_poll = Box::new(move |n, pos| log.borrow_mut().push((n, pos)));
        (UnitGoto { unit, target_pos: to, wake, polls: 0, on_poll }, seen)
    }

    #[test]
    fn from_0_to_10_takes_eleven_polls_ten_pending_and_one_ready() {
        let (mut future, seen) = goto(0, 10, Wake::Never);
        assert_eq!(poll_by_hand(&mut future, 100), Some(11));
        let positions: Vec<i32> = seen.borrow().iter().map(|p| p.1).collect();
        assert_eq!(positions, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
        assert_eq!(future.unit.borrow().pos, 10);
    }

    #[test]
    fn it_walks_down_too_and_is_ready_at_once_where_it_stands() {
        let (mut down, _) = goto(3, -2, Wake::Never);
        assert_eq!(poll_by_hand(&mut down, 100), Some(6));
        let (mut there, _) = goto(7, 7, Wake::Never);
        assert_eq!(poll_by_hand(&mut there, 100), Some(1));
        let (mut far, _) = goto(0, 1_000, Wake::Never);
        assert_eq!(poll_by_hand(&mut far, 10), None, "a limit stops the loop");
    }

    #[test]
    fn each_wake_asks_for_the_next_poll_its_own_way() {
        use std::task::Wake as WakeTrait;
        struct Count(std::sync::atomic::AtomicU32);
        impl WakeTrait for Count {
            fn wake(self: std::sync::Arc<Self>) {
                self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        let count = std::sync::Arc::new(Count(0.into()));
        let waker = Waker::from(count.clone());
        let mut cx = Context::from_waker(&waker);
        let handed = Rc::new(RefCell::new(Vec::new()));
        let keep = handed.clone();
        // (how, woken before `poll` returns, wakers handed on to `later`)
        for (wake, woken_at_once, handed_on) in [
            (Wake::Never, 0, 0),
            (Wake::ByRef, 1, 0),
            (Wake::Later(Box::new(move |w| keep.borrow_mut().push(w))), 0, 1),
        ] {
            let (mut future, _) = goto(0, 5, wake);
            count.0.store(0, std::sync::atomic::Ordering::Relaxed);
            assert!(Pin::new(&mut future).poll(&mut cx).is_pending());
            assert_eq!(count.0.load(std::sync::atomic::Ordering::Relaxed), woken_at_once);
            assert_eq!(handed.borrow().len() as u32, handed_on);
            handed.borrow_mut().drain(..).for_each(Waker::wake);
            assert_eq!(count.0.load(std::sync::atomic::Ordering::Relaxed), woken_at_once + handed_on);
        }
    }
}
