// Every <loyalty-*> tag in this project's TSX is typed: its attributes, their values and its events.
import type {} from '@loyalty-elements/components/react-jsx';
