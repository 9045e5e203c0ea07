package org.vigia.processor.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.vigia.processor.topology.RejectedRecordException;

/**
 * Records that parse but cannot be processed (a key that disagrees with the body): the
 * processors throw before touching state, Kafka Streams dead-letters the source record.
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private DeadLetterListener listener = reason -> { };

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        listener = DeadLetters.listener(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        listener.deadLettered(exception instanceof RejectedRecordException ? "rejected_record" : "processing_error");
        return super.handleError(context, record, exception);
    }
}
