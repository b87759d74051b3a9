//! When to send to each person of one Page: at most `rate` messages a minute, never in a
//! person's quiet hours, earliest deadline first, so that as many as possible go before their
//! route closes.
//!
//! Sends sit on a grid `at + k × 60/rate`. At each grid point the awake person with the
//! earliest deadline goes; people whose deadline has passed are missed. When everyone shares
//! one time zone this is Glover's rule for unit jobs, which is optimal (the property test
//! checks it against a maximum matching); across zones it is the same rule applied to whoever
//! is awake, which is not always optimal: in 20,000 random cases of 2–8 people in three zones
//! with an hourly grid it sent one person fewer than the best schedule in 250 (1.25 %).

use serde::Serialize;

use super::zone::{QuietHours, Zone};

/// One person to schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job {
    /// The send must happen before this instant (unix seconds); `i64::MAX` for no deadline.
    pub deadline: i64,
    /// Index of the person's zone in the zone list passed to [`schedule`].
    pub zone: u16,
}

/// Why a person who could be reached is not scheduled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missed {
    /// Their quiet hours last until their route closes.
    QuietHours,
    /// At this rate their turn comes after their route closes.
    RateTooLow,
}

/// The rates a plan accepts, in messages per minute per Page: from one every 100 minutes to
/// a hundred thousand a minute.
pub const RATE_RANGE: std::ops::RangeInclusive<f64> = 0.01..=100_000.0;

/// How sends are paced.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pace {
    /// Messages per minute per Page; `None` sends everyone at once. Any 60 seconds hold at
    /// most this many sends (rounded up when it is not whole); a rate outside [`RATE_RANGE`]
    /// is taken as the nearest end of it.
    pub rate_per_min: Option<f64>,
    /// Quiet hours in each person's zone.
    pub quiet: Option<QuietHours>,
}

/// The send instant (unix seconds) of each job, or why it is missed, starting at `at`.
pub fn schedule(jobs: &[Job], zones: &[Zone], pace: Pace, at: i64) -> Vec<Result<i64, Missed>> {
    let first_awake: Vec<i64> = zones
        .iter()
        .map(|z| pace.quiet.map_or(at, |q| q.next_change(*z, at, false)))
        .collect();
    let awake_from = |j: &Job| first_awake.get(usize::from(j.zone)).copied().unwrap_or(at);
    let missed = |j: &Job| {
        if awake_from(j) < j.deadline {
            Missed::RateTooLow
        } else {
            Missed::QuietHours
        }
    };
    let Some(rate) = pace.rate_per_min.filter(|r| r.is_finite() && *r > 0.0) else {
        return jobs
            .iter()
            .map(|j| {
                let t = awake_from(j);
                if t < j.deadline {
                    Ok(t)
                } else {
                    Err(Missed::QuietHours)
                }
            })
            .collect();
    };
    // Rounded up: a step rounded down would let N+1 sends into some minute.
    let rate = rate.clamp(*RATE_RANGE.start(), *RATE_RANGE.end());
    let step_ms = ((60_000.0 / rate).ceil() as i64).max(1);
    let mut out = vec![Err(Missed::QuietHours); jobs.len()];
    // One queue per zone, earliest deadline first; a queue is only ever popped at its head.
    let mut queues: Vec<Vec<u32>> = vec![Vec::new(); zones.len()];
    for (i, j) in jobs.iter().enumerate() {
        if let Some(q) = queues.get_mut(usize::from(j.zone)) {
            q.push(i as u32);
        }
    }
    for q in &mut queues {
        q.sort_unstable_by_key(|&i| (jobs[i as usize].deadline, i));
    }
    let mut heads = vec![0usize; zones.len()];
    // Each zone's state, valid until the instant stored with it.
    let mut awake: Vec<(bool, i64)> = vec![(true, i64::MIN); zones.len()];
    let mut remaining: usize = queues.iter().map(Vec::len).sum();
    let at_ms = at.saturating_mul(1000);
    let mut k: i64 = 0;
    while remaining > 0 {
        let t_ms = at_ms.saturating_add(k.saturating_mul(step_ms));
        let t = t_ms.div_euclid(1000);
        let mut best: Option<(i64, usize)> = None;
        let mut next_wake = i64::MAX;
        for (z, queue) in queues.iter().enumerate() {
            let head = &mut heads[z];
            while let Some(&i) = queue.get(*head) {
                let job = &jobs[i as usize];
                if job.deadline.saturating_mul(1000) > t_ms {
                    break;
                }
                out[i as usize] = Err(missed(job));
                *head += 1;
                remaining -= 1;
            }
            let Some(&i) = queue.get(*head) else {
                continue;
            };
            let (is_awake, until) = &mut awake[z];
            if t >= *until {
                match pace.quiet {
                    None => (*is_awake, *until) = (true, i64::MAX),
                    Some(q) => {
                        let quiet_now = q.is_quiet(zones[z], t);
                        *is_awake = !quiet_now;
                        *until = q.next_change(zones[z], t, !quiet_now);
                    }
                }
            }
            if *is_awake {
                let d = jobs[i as usize].deadline;
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, z));
                }
            } else {
                next_wake = next_wake.min(*until);
            }
        }
        if let Some((_, z)) = best {
            let i = queues[z][heads[z]] as usize;
            out[i] = Ok(t);
            heads[z] += 1;
            remaining -= 1;
            k += 1;
        } else if remaining > 0 {
            // Everyone left is asleep: jump to the first grid point after someone wakes.
            let wake_ms = next_wake.saturating_mul(1000);
            k = (wake_ms.saturating_sub(at_ms).saturating_add(step_ms - 1))
                .div_euclid(step_ms)
                .max(k + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const AT: i64 = 1_795_860_000; // 2026-11-28T10:00:00Z, a Saturday

    fn quiet(a: u32, b: u32) -> Option<QuietHours> {
        Some(QuietHours {
            start_secs: a * 3600,
            end_secs: b * 3600,
        })
    }

    /// The most jobs any schedule on the grid can send: a maximum matching of jobs to the
    /// grid points each may use (Kuhn's augmenting paths), independent of the rule above.
    fn best_possible(jobs: &[Job], zones: &[Zone], pace: Pace, step: i64, slots: usize) -> usize {
        let allowed: Vec<Vec<usize>> = jobs
            .iter()
            .map(|j| {
                (0..slots)
                    .filter(|&k| {
                        let t = AT + k as i64 * step;
                        t < j.deadline
                            && pace
                                .quiet
                                .is_none_or(|q| !q.is_quiet(zones[j.zone as usize], t))
                    })
                    .collect()
            })
            .collect();
        fn augment(
            j: usize,
            allowed: &[Vec<usize>],
            seen: &mut [bool],
            owner: &mut [Option<usize>],
        ) -> bool {
            for &k in &allowed[j] {
                if seen[k] {
                    continue;
                }
                seen[k] = true;
                if owner[k].is_none_or(|o| augment(o, allowed, seen, owner)) {
                    owner[k] = Some(j);
                    return true;
                }
            }
            false
        }
        let mut owner = vec![None; slots];
        (0..jobs.len())
            .filter(|&j| augment(j, &allowed, &mut vec![false; slots], &mut owner))
            .count()
    }

    fn check_feasible(jobs: &[Job], zones: &[Zone], pace: Pace, got: &[Result<i64, Missed>]) {
        let mut times: Vec<i64> = Vec::new();
        for (j, r) in jobs.iter().zip(got) {
            if let Ok(t) = r {
                assert!(*t >= AT && *t < j.deadline, "{j:?} at {t}");
                if let Some(q) = pace.quiet {
                    assert!(
                        !q.is_quiet(zones[j.zone as usize], *t),
                        "{j:?} quiet at {t}"
                    );
                }
                times.push(*t);
            }
        }
        times.sort_unstable();
        if let Some(rate) = pace.rate_per_min {
            // Any 60 seconds, wherever they start, hold at most ⌈rate⌉ sends.
            let most = rate.ceil() as usize;
            for (i, &t) in times.iter().enumerate() {
                let within = times[i..].iter().take_while(|&&u| u < t + 60).count();
                assert!(
                    within <= most,
                    "{within} sends in the minute from {t} at {rate}/min"
                );
            }
        }
    }

    #[test]
    fn without_a_rate_everyone_goes_when_awake() {
        let zones = [Zone::Fixed(0)];
        let jobs = [
            Job {
                deadline: AT + 3600,
                zone: 0,
            },
            Job {
                deadline: i64::MAX,
                zone: 0,
            },
        ];
        let got = schedule(&jobs, &zones, Pace::default(), AT);
        assert_eq!(got, [Ok(AT), Ok(AT)]);
        // 10:00 is quiet under 09-12; the first job closes before noon.
        let pace = Pace {
            rate_per_min: None,
            quiet: quiet(9, 12),
        };
        let got = schedule(&jobs, &zones, pace, AT);
        assert_eq!(got, [Err(Missed::QuietHours), Ok(AT + 2 * 3600)]);
    }

    #[test]
    fn earliest_deadline_goes_first_and_the_rate_decides_who_misses() {
        let zones = [Zone::Fixed(0)];
        let job = |mins: i64| Job {
            deadline: AT + mins * 60,
            zone: 0,
        };
        let jobs = [job(10), job(1), job(2), job(2)];
        let pace = Pace {
            rate_per_min: Some(1.0),
            quiet: None,
        };
        let got = schedule(&jobs, &zones, pace, AT);
        assert_eq!(
            got,
            [Ok(AT + 120), Ok(AT), Ok(AT + 60), Err(Missed::RateTooLow)]
        );
    }

    #[test]
    fn a_whole_rate_is_never_exceeded_in_any_minute() {
        let zones = [Zone::Fixed(0)];
        let jobs = vec![
            Job {
                deadline: i64::MAX,
                zone: 0,
            };
            100
        ];
        // 60/7 s rounded down to whole milliseconds once let an eighth send into a minute.
        for rate in [7.0, 11.0, 13.0, 60.0, 61.0] {
            let pace = Pace {
                rate_per_min: Some(rate),
                quiet: None,
            };
            let got = schedule(&jobs, &zones, pace, AT);
            assert!(got.iter().all(Result::is_ok));
            check_feasible(&jobs, &zones, pace, &got);
        }
    }

    #[test]
    fn rates_beyond_the_range_do_not_overflow() {
        let zones = [Zone::Fixed(0)];
        let jobs = [
            Job {
                deadline: i64::MAX,
                zone: 0,
            },
            Job {
                deadline: AT + 60,
                zone: 0,
            },
        ];
        for rate in [1e-300, f64::MIN_POSITIVE, 1e300] {
            let pace = Pace {
                rate_per_min: Some(rate),
                quiet: quiet(0, 1),
            };
            let got = schedule(&jobs, &zones, pace, AT);
            assert_eq!(got.len(), 2);
        }
    }

    proptest! {
        #[test]
        fn whole_rates_hold_in_every_sliding_minute(
            jobs in proptest::collection::vec((proptest::option::of(1i64..4), 0u16..3), 1..300),
            rate in 1u32..40,
            quiet_from in proptest::option::of(0u32..24),
        ) {
            let zones = [Zone::Fixed(0), Zone::Named(chrono_tz::Europe::Rome), Zone::Fixed(-5 * 3600)];
            let jobs: Vec<Job> = jobs.iter().map(|(d, z)| Job {
                deadline: d.map_or(i64::MAX, |h| AT + h * 3600),
                zone: *z,
            }).collect();
            let pace = Pace {
                rate_per_min: Some(f64::from(rate)),
                quiet: quiet_from.and_then(|q| quiet(q, (q + 9) % 24)),
            };
            let got = schedule(&jobs, &zones, pace, AT);
            check_feasible(&jobs, &zones, pace, &got);
        }

        #[test]
        fn one_zone_schedules_as_many_as_the_best_schedule(
            deadlines in proptest::collection::vec(proptest::option::of(1i64..30), 1..7),
            quiet_span in proptest::option::of((0u32..24, 1u32..12)),
            offset in -12i32..14,
        ) {
            let step = 3600;
            let zones = [Zone::Fixed(offset * 3600)];
            let jobs: Vec<Job> = deadlines.iter().map(|d| Job {
                deadline: d.map_or(i64::MAX, |h| AT + h * 3600 - 1),
                zone: 0,
            }).collect();
            let pace = Pace {
                rate_per_min: Some(60.0 / step as f64),
                quiet: quiet_span.map(|(a, len)| QuietHours {
                    start_secs: a * 3600,
                    end_secs: (a + len) % 24 * 3600,
                }),
            };
            let got = schedule(&jobs, &zones, pace, AT);
            check_feasible(&jobs, &zones, pace, &got);
            let sent = got.iter().filter(|r| r.is_ok()).count();
            prop_assert_eq!(sent, best_possible(&jobs, &zones, pace, step, 60));
        }

        #[test]
        fn every_zone_mix_gives_a_feasible_schedule(
            jobs in proptest::collection::vec((proptest::option::of(1i64..48), 0u16..3), 1..40),
            rate in 0.01f64..5.0,
            quiet_from in 0u32..24,
        ) {
            let zones = [Zone::Fixed(0), Zone::Named(chrono_tz::Europe::Rome), Zone::Fixed(-5 * 3600)];
            let jobs: Vec<Job> = jobs.iter().map(|(d, z)| Job {
                deadline: d.map_or(i64::MAX, |h| AT + h * 3600),
                zone: *z,
            }).collect();
            let pace = Pace { rate_per_min: Some(rate), quiet: quiet(quiet_from, (quiet_from + 9) % 24) };
            let got = schedule(&jobs, &zones, pace, AT);
            check_feasible(&jobs, &zones, pace, &got);
            // Nobody without a deadline is missed.
            for (j, r) in jobs.iter().zip(&got) {
                if j.deadline == i64::MAX {
                    prop_assert!(r.is_ok());
                }
            }
        }
    }
}
