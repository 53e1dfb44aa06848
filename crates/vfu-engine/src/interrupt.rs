//! A HiGHS MIP stopped by its work, deterministically: HiGHS calls its MIP interrupt callback at
//! its own checkpoints (between nodes, rounds of cuts and heuristics) with its node and LP
//! iteration counts, and the callback interrupts once they cost more than the work the MIP may
//! do. A time limit would stop it wherever the clock happened to be.
//!
//! The one place the engine uses unsafe code: the `highs` crate does not wrap HiGHS's callbacks,
//! so they are set through its C API (`highs-sys`, the HiGHS that `highs` links).
#![allow(unsafe_code)]

use highs::{Model, SolvedModel};
use highs_sys::{
    HighsCallbackDataIn, HighsCallbackDataOut, Highs_getInt64InfoValue, Highs_setCallback, Highs_startCallback,
};
use std::ffi::{c_char, c_int, c_void};

/// HiGHS's MIP interrupt callback type (`kHighsCallbackMipInterrupt`).
const MIP_INTERRUPT: c_int = 6;

/// What a MIP may do: its units of work, and what an LP iteration and a node cost.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Units of work at most.
    pub units: f64,
    /// Units per LP iteration.
    pub per_iteration: f64,
    /// Units per node.
    pub per_node: f64,
}

impl Limit {
    fn reached(&self, iterations: i64, nodes: i64) -> bool {
        iterations.max(0) as f64 * self.per_iteration + nodes.max(0) as f64 * self.per_node > self.units
    }
}

/// Called by HiGHS at its checkpoints.
///
/// # Safety
/// HiGHS passes its own valid `data_out` and `data_in` for this call, and `user_data` is the
/// `Limit` given to [`solve`], alive until that solve returns.
unsafe extern "C" fn on_check(
    _kind: c_int,
    _message: *const c_char,
    data_out: *const HighsCallbackDataOut,
    data_in: *mut HighsCallbackDataIn,
    user_data: *mut c_void,
) {
    if data_out.is_null() || data_in.is_null() || user_data.is_null() {
        return;
    }
    // SAFETY: see the function's safety section.
    unsafe {
        let limit = &*(user_data as *const Limit);
        let out = &*data_out;
        if limit.reached(out.mip_total_lp_iterations, out.mip_node_count) {
            (*data_in).user_interrupt = 1;
        }
    }
}

/// Solves a MIP that HiGHS interrupts once its work passes `limit`; the callback is removed
/// before the model is returned.
pub fn solve(mut model: Model, limit: Limit) -> SolvedModel {
    let ptr = model.as_mut_ptr();
    // SAFETY: `ptr` is the live HiGHS instance of `model`; `limit` lives on this frame until
    // after the solve, and the callback is removed before the model leaves it.
    unsafe {
        Highs_setCallback(ptr, Some(on_check), &limit as *const Limit as *mut c_void);
        Highs_startCallback(ptr, MIP_INTERRUPT);
    }
    let mut solved = model.solve();
    // SAFETY: the same instance, now solved; no callback is set afterwards.
    unsafe {
        Highs_setCallback(solved.as_mut_ptr(), None, std::ptr::null_mut());
    }
    solved
}

/// The nodes a solved MIP explored.
pub fn nodes(solved: &SolvedModel) -> i64 {
    let mut nodes: i64 = 0;
    // SAFETY: a live, solved HiGHS instance, and a valid place for the value.
    unsafe {
        Highs_getInt64InfoValue(solved.as_ptr(), c"mip_node_count".as_ptr(), &mut nodes);
    }
    nodes.max(0)
}
