// Seed 000: calling an async function gives a future; without `.await` there is no value.
async fn fetch_count() -> u32 {
    42
}

async fn report() {
    let count: u32 = fetch_count();
    println!("count = {count}");
}

fn main() {
    let _ = report();
}
