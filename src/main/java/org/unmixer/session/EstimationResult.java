package org.unmixer.session;

import java.util.List;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.itf.CandidateItf;
import org.unmixer.infer.itf.CmaesPolish;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.infer.model.Estimate;

/**
 * Everything one estimation produced: the model's estimate and candidates, the ITF runs (every step
 * kept, for the window's slider), the polish, the patch to rebuild, and the estimate JSON.
 *
 * @param estimate the model's estimate (candidates, chain probabilities, refinement, timing)
 * @param itf the ITF runs, when ITF ran and had something to refine
 * @param itfNote why ITF did not run, when asked for and it could not
 * @param polish the CMA-ES polish after ITF, when asked for
 * @param best the patch to rebuild: the polish's, else ITF's best step, else the model's best
 * @param json the estimate JSON ({@code unmixer-estimate/1})
 * @param uncertainty the model's ±σ per knob and presence per effect, in display units
 */
public record EstimationResult(Estimate estimate, Optional<CandidateItf.Result> itf, Optional<String> itfNote,
        Optional<CmaesPolish.Result> polish, Patch best, String json, Uncertainty uncertainty) {
    /** The chosen candidate's ITF steps (step 0 = the model's answer), or none without ITF. */
    public List<EffectItf.Step> itfSteps() {
        return itf.map(r -> r.chosenRun().trajectory().steps()).orElse(List.of());
    }
}
