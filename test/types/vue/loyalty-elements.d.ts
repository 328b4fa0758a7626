// Every <loyalty-*> tag in this project's templates is typed: its attributes, their values and its events.
import type {} from '@loyalty-elements/components/vue';
