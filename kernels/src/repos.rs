//! Seed 002's GitHub pipeline, its data: what the simulated API calls answer for a
//! repository, and `process_data`, the CPU part the seed hands to rayon.

use rayon::prelude::*;

pub const MAX_REPOS: u64 = 20;

/// The seed's repositories: "repo1", "repo2", …
pub fn repo_names(count: u64) -> Vec<String> {
    (1..=count.min(MAX_REPOS)).map(|n| format!("repo{n}")).collect()
}

/// What `fetch_issues` answers, after its simulated network delay.
pub fn issues_of(repo: &str) -> Vec<String> {
    vec![format!("Issue 1 in {repo}"), format!("Issue 2 in {repo}")]
}

/// What `fetch_pull_requests` answers.
pub fn pull_requests_of(repo: &str) -> Vec<String> {
    vec![format!("PR 1 in {repo}"), format!("PR 2 in {repo}")]
}

/// The seed's `process_data`: every item marked processed, in parallel on the pool
/// (collect keeps the order).
pub fn process_data(data: Vec<String>) -> Vec<String> {
    data.par_iter().map(|item| format!("Processed: {item}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repository_comes_out_as_the_seed_builds_it() {
        assert_eq!(repo_names(3), ["repo1", "repo2", "repo3"]);
        let combined = [issues_of("repo2"), pull_requests_of("repo2")].concat();
        assert_eq!(
            process_data(combined),
            [
                "Processed: Issue 1 in repo2",
                "Processed: Issue 2 in repo2",
                "Processed: PR 1 in repo2",
                "Processed: PR 2 in repo2"
            ]
        );
        assert_eq!(repo_names(1_000).len(), MAX_REPOS as usize);
    }
}
