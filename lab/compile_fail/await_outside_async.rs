// Seed 000: `.await` only works inside an async function or block.
async fn fetch_count() -> u32 {
    42
}

fn main() {
    let count = fetch_count().await;
    println!("count = {count}");
}
