package org.vigia.processor.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Records that cannot be read or break the wire contract: dead-lettered by Kafka Streams, counted, skipped. */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {
    private DeadLetterListener listener = reason -> { };

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        listener = DeadLetters.listener(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        listener.deadLettered("invalid_record");
        return super.handleError(context, record, exception);
    }
}
