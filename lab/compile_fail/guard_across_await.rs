// Seed 001's two warnings in one: a std lock held across `.await`, and a type that is
// not Send sent to another thread (a std MutexGuard, in a spawned task). A
// multi-threaded runtime's spawn needs a Send future, and the guard is not Send.
use std::future::Future;
use std::sync::Mutex;

/// The bound tokio::spawn puts on its task.
fn spawn<F: Future + Send + 'static>(_task: F) {}

async fn tick() {}

static COUNTER: Mutex<u64> = Mutex::new(0);

fn main() {
    spawn(async {
        let mut count = COUNTER.lock().unwrap();
        tick().await;
        *count += 1;
    });
}
