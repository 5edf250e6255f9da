package org.cusax.app.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.cusax.app.json.CallJson;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;

/** Finds the call a command is about: by id, or, when none is given, the one live call that fits. */
final class CallPicker {
    private CallPicker() {
    }

    /**
     * @param what     what the command does, for messages ("answer", "hang up")
     * @param fits     which live calls the command could mean when no id is given
     */
    static Call pick(List<Call> calls, Optional<String> callId, String what, Predicate<Call> fits)
            throws ApiException {
        if (callId.isPresent()) {
            return calls.stream().filter(c -> c.id().equals(callId.get())).findFirst()
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no such call: " + callId.get()));
        }
        List<Call> live = calls.stream().filter(c -> c.state() != CallState.ENDED).filter(fits).toList();
        if (live.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no call to " + what);
        }
        if (live.size() > 1) {
            throw new ApiException(ErrorCode.AMBIGUOUS_TARGET, live.size() + " calls could be meant: give the call id",
                    Map.of("choices", live.stream().map(CallJson::call).toList()));
        }
        return live.get(0);
    }
}
