//! What several experiments' runs are built from: CPU jobs on the worker or the pool,
//! work handed to the pool and awaited, the check after a hang, a cost measured over a ramp of counts, and the JavaScript
//! twins of the seeds' TypeScript programs.

pub mod cpu;
pub mod hangs;
pub mod on_pool;
pub mod ramp;
pub mod twins;
